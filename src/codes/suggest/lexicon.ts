/**
 * The phrase → code lexicon of a code table: the curated phrases of lexicon.json (abbreviations,
 * clinical wordings, templates such as "CKD stage {s}") and the terms that have no code
 * (query-templates.json `terms`, as `term:<id>`) over the billable titles of the table itself
 * (normalized: without "unspecified" and parenthesised words). Compiled once per table
 * into one {@link PhraseIndex}; never per chart or per keystroke.
 */
import { normalizeCode } from '../code-format.ts';
import type { CodeTable } from '../table.ts';
import { checkedEntries, formatProblem, type DataProblem } from './data-check.ts';
import { inclusionPhrases, type InclusionFile } from './inclusion-terms.ts';
import inclusionJson from './inclusion-terms.json';
import lexiconJson from './lexicon.json';
import { PhraseIndex } from './phrase-index.ts';
import { TERM_PREFIX, TERM_QUERIES } from './query-draft.ts';
import { withoutPossessive } from './title-variants.ts';
import { wordsOf } from './tokens.ts';

interface Template {
  phrases: string[];
  code: string;
  slots: Record<string, Record<string, string>>;
}
/**
 * One curated term: its phrases and the code they give, or the codes (`codes`) when the phrase
 * names two conditions the classification codes apart, as the Index pairs them ("Alzheimer's
 * dementia": G30.9 [F02.80]).
 */
interface Term {
  code?: string;
  codes?: string[];
  phrases: string[];
}
interface LexiconFile {
  terms: unknown[];
  templates: unknown[];
  history: { map: Record<string, string> };
}

export const LEXICON_FILE = 'src/codes/suggest/lexicon.json';
const CODE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const TEMPLATE_CODE = /^([A-Z0-9.]|\{[a-z]+\})+$/;
const isPhrases = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && wordsOf(s).length > 0);

/** Why a curated term of lexicon.json is malformed, or undefined when it is well formed. */
export function termProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'a term must be an object';
  const t = v as Partial<Term>;
  const codes = t.codes ?? (t.code !== undefined ? [t.code] : []);
  if (codes.length === 0 || (t.code !== undefined && t.codes !== undefined)) return 'a term needs "code" or "codes" (not both)';
  const bad = codes.find((c) => typeof c !== 'string' || !CODE.test(c));
  if (bad !== undefined) return `${JSON.stringify(bad)} is not an ICD-10-CM code`;
  if (!isPhrases(t.phrases)) return '"phrases" must be a list of phrases with words';
  return undefined;
}

/** Why a template of lexicon.json is malformed, or undefined when it is well formed. */
export function templateProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'a template must be an object';
  const t = v as Partial<Template>;
  if (!isPhrases(t.phrases)) return '"phrases" must be a list of phrases with words';
  if (typeof t.code !== 'string' || !TEMPLATE_CODE.test(t.code)) return `"code" ${JSON.stringify(t.code)} is not a code pattern`;
  if (typeof t.slots !== 'object' || t.slots === null) return 'missing "slots"';
  for (const [slot, values] of Object.entries(t.slots)) {
    if (typeof values !== 'object' || values === null || Object.values(values).some((c) => typeof c !== 'string')) return `slot "${slot}" must map words to code parts`;
    if (!t.phrases.some((p) => p.includes(`{${slot}}`)) && !t.code.includes(`{${slot}}`)) return `slot "${slot}" is used by no phrase and not by the code`;
  }
  const unknown = [...t.phrases.join(' ').matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]!).find((slot) => !(slot in t.slots!));
  if (unknown !== undefined) return `phrase slot "{${unknown}}" has no values`;
  return undefined;
}

/**
 * The well-formed terms and templates of lexicon.json and a problem (file, line when `text` is
 * given, entry) for each other one: a malformed entry is left out, the others load.
 */
export function loadLexiconEntries(raw: LexiconFile = lexiconJson, file = LEXICON_FILE, text?: string): { terms: Term[]; templates: Template[]; problems: DataProblem[] } {
  const terms = checkedEntries<Term>(raw.terms, '/terms', file, termProblem, text);
  const templates = checkedEntries<Template>(raw.templates, '/templates', file, templateProblem, text);
  return { terms: terms.entries, templates: templates.entries, problems: [...terms.problems, ...templates.problems] };
}

const LEXICON = ((loaded) => {
  // Reported once, where the lexicon loads (the build's and the worker's console); the rest still loads.
  for (const p of loaded.problems) console.warn(`chartlint: ${formatProblem(p)}`);
  return { ...loaded, history: (lexiconJson as unknown as LexiconFile).history };
})(loadLexiconEntries());

/** The problems of the shipped lexicon.json (none, unless an edit broke an entry). */
export function lexiconProblems(): DataProblem[] {
  return LEXICON.problems;
}

/**
 * Chapters whose titles are safe to match as written: diseases (A-N), and the personal history
 * and status codes whose titles are how lists write them ("Acquired absence of left great toe",
 * "Personal history of colonic polyps": Z86-Z99). Symptoms (R), injuries and external causes
 * (S-Y, which need a 7th character or are never found this way), pregnancy and perinatal (O-Q)
 * and the other factor codes (encounters, Z00-Z85) come only from curated phrases.
 */
const TITLE_CHAPTERS = /^([A-N]|Z8[6-9]|Z9)/;
const MIN_TITLE_WORDS = 2;
const MAX_TITLE_WORDS = 10;

/** Every (phrase, code) of a template: the product of its slots. */
export function expandTemplate(template: Template): { phrase: string; code: string }[] {
  let rows = template.phrases.map((phrase) => ({ phrase, code: template.code }));
  for (const [slot, values] of Object.entries(template.slots)) {
    const mark = `{${slot}}`;
    rows = rows.flatMap((row) =>
      row.phrase.includes(mark) || row.code.includes(mark)
        ? Object.entries(values).map(([words, code]) => ({ phrase: row.phrase.replaceAll(mark, words), code: row.code.replaceAll(mark, code) }))
        : [row],
    );
  }
  return rows;
}

/** Separates the codes of a phrase that gives more than one (codesOf). */
export const CODE_SEPARATOR = '+';

/** The codes a lexicon match gives: one, or the pair of a term with `codes`. */
export function codesOf(match: string): string[] {
  return match.split(CODE_SEPARATOR);
}

/** The curated (phrase, code) pairs, templates expanded; a term with `codes` gives one pair per code. */
export function curatedPhrases(): { phrase: string; code: string }[] {
  return [...LEXICON.terms.flatMap((t) => t.phrases.flatMap((phrase) => (t.codes ?? [t.code!]).map((code) => ({ phrase, code })))), ...LEXICON.templates.flatMap(expandTemplate)];
}

/**
 * Title variants worth matching: as written, and without parenthesised words and "unspecified".
 * Only a trailing "unspecified" qualifier is cut with what follows it ("Pneumonia, unspecified
 * organism", "…, part unspecified"); inside a title the word alone goes, so "Sepsis due to
 * unspecified staphylococcus" gives "sepsis due to staphylococcus", not "sepsis due to".
 */
export function titleVariants(title: string): string[] {
  const plain = title.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const noUnspecified = plain
    .replace(/,[^,]*\bunspecified\b.*$/i, '')
    .replace(/\s+unspecified\s*$/i, '')
    .replace(/\bunspecified\s+/gi, '');
  return [...new Set([title, plain, noUnspecified, withoutPossessive(noUnspecified)])];
}

/**
 * "Other pulmonary embolism with acute cor pulmonale" read as "pulmonary embolism with acute
 * cor pulmonale": the Index sends a condition with no further detail to the category's
 * "other" code. Weaker than every title and term: used only for words nothing else gives.
 */
export function otherVariant(title: string): string | undefined {
  const m = /^other\s+(?!specified\b)(.+)$/i.exec(title.trim());
  // Only a condition qualified by what it comes with or where ("... with acute cor pulmonale",
  // "... of right eye"): a bare "Other X" says nothing a coder would code from X alone.
  return m && /\b(with|without|of|due to|in)\b/i.test(m[1]!) ? m[1] : undefined;
}

const cache = new WeakMap<CodeTable, PhraseIndex>();

/** The compiled lexicon of a table (built on first use, then shared). */
export function lexiconFor(table: CodeTable): PhraseIndex {
  let index = cache.get(table);
  if (!index) cache.set(table, (index = buildLexicon(table)));
  return index;
}

function buildLexicon(table: CodeTable): PhraseIndex {
  const index = new PhraseIndex();
  const billable = (code: string) => table.get(code)?.billable === true;
  for (const term of LEXICON.terms) {
    const codes = (term.codes ?? [term.code!]).map(normalizeCode);
    if (codes.every(billable)) for (const phrase of term.phrases) index.add(wordsOf(phrase), codes.join(CODE_SEPARATOR), true);
  }
  for (const { phrase, code } of LEXICON.templates.flatMap(expandTemplate)) {
    const c = normalizeCode(code);
    if (billable(c)) index.add(wordsOf(phrase), c, true);
  }
  // Terms with no code win over any title that contains them: they must give a query, not a code.
  for (const term of TERM_QUERIES) for (const phrase of term.phrases) index.add(wordsOf(phrase), `${TERM_PREFIX}${term.id}`, true);
  // Title phrases shared by two codes say nothing about which one is meant: dropped.
  const fromTitles = new Map<string, string | null>();
  for (const entry of table.all()) {
    if (!entry.billable || !TITLE_CHAPTERS.test(entry.code)) continue;
    for (const title of [entry.short, ...(entry.long ? [entry.long] : [])]) {
      for (const variant of titleVariants(title)) {
        const words = wordsOf(variant);
        if (words.length < MIN_TITLE_WORDS || words.length > MAX_TITLE_WORDS) continue;
        const key = words.join(' ');
        const seen = fromTitles.get(key);
        fromTitles.set(key, seen === undefined || seen === entry.code ? entry.code : null);
      }
    }
  }
  for (const [key, code] of fromTitles) if (code) index.add(key.split(' '), code);
  // Then the tabular's inclusion terms and the titles' "other" readings, each only for words
  // that no curated phrase or title holds, and only when they name one code.
  const weaker = (pairs: Iterable<{ phrase: string; code: string }>) => {
    const found = new Map<string, string | null>();
    for (const { phrase, code } of pairs) {
      const words = wordsOf(phrase);
      if (words.length < MIN_TITLE_WORDS || words.length > MAX_TITLE_WORDS) continue;
      const key = words.join(' ');
      if (fromTitles.has(key)) continue;
      const seen = found.get(key);
      found.set(key, seen === undefined || seen === code ? code : null);
    }
    for (const [key, code] of found) if (code) index.add(key.split(' '), code);
  };
  weaker(inclusionPhrases(table, (inclusionJson as InclusionFile).terms));
  weaker(
    table.all().flatMap((e) => {
      if (!e.billable || !TITLE_CHAPTERS.test(e.code)) return [];
      return [e.short, ...(e.long ? [e.long] : [])].flatMap((t) => titleVariants(t).map(otherVariant)).filter((v): v is string => v !== undefined).map((phrase) => ({ phrase, code: e.code }));
    }),
  );
  return index;
}

/** The personal-history code for a condition documented as history, if the classification has one. */
export function historyCodeFor(code: string): string | undefined {
  const c = normalizeCode(code);
  let best: { prefix: string; history: string } | undefined;
  for (const [prefix, history] of Object.entries(LEXICON.history.map)) {
    const p = normalizeCode(prefix);
    if (c.startsWith(p) && (!best || p.length > best.prefix.length)) best = { prefix: p, history: normalizeCode(history) };
  }
  return best?.history;
}
