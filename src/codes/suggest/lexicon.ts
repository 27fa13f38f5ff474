/**
 * The phrase → code lexicon of a code table: the curated phrases of lexicon.json (abbreviations,
 * clinical wordings, templates such as "CKD stage {s}") and the terms that have no code
 * (query-templates.json `terms`, as `term:<id>`) over the billable titles of the table itself
 * (normalized: without "unspecified" and parenthesised words). Compiled once per table
 * into one {@link PhraseIndex}; never per chart or per keystroke.
 */
import { normalizeCode } from '../code-format.ts';
import type { CodeTable } from '../table.ts';
import lexiconJson from './lexicon.json';
import { PhraseIndex } from './phrase-index.ts';
import { TERM_PREFIX, TERM_QUERIES } from './query-draft.ts';
import { wordsOf } from './tokens.ts';

interface Template {
  phrases: string[];
  code: string;
  slots: Record<string, Record<string, string>>;
}
interface LexiconFile {
  terms: { code: string; phrases: string[] }[];
  templates: Template[];
  history: { map: Record<string, string> };
}

const LEXICON = lexiconJson as unknown as LexiconFile;

/**
 * Chapters whose titles are safe to match as written: diseases (A-N). Symptoms (R), injuries and
 * external causes (S-Y, which need a 7th character or are never found this way), pregnancy and
 * perinatal (O-Q) and status codes (Z) come only from curated phrases.
 */
const TITLE_CHAPTERS = /^[A-N]/;
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

/** The curated (phrase, code) pairs, templates expanded. */
export function curatedPhrases(): { phrase: string; code: string }[] {
  return [...LEXICON.terms.flatMap((t) => t.phrases.map((phrase) => ({ phrase, code: t.code }))), ...LEXICON.templates.flatMap(expandTemplate)];
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
  return [...new Set([title, plain, noUnspecified])];
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
  for (const { phrase, code } of curatedPhrases()) {
    const c = normalizeCode(code);
    if (table.get(c)?.billable) index.add(wordsOf(phrase), c, true);
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
