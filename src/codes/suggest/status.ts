/**
 * Status and long-term drug therapy codes (Z79.-, Z99.-, Z95.-, Z96.6-, Z66, F17.210 / Z87.891)
 * from medication lists, medication orders, past history, social history and the diagnosis
 * passages. What to find and when a code applies is data (status-codes.json); this file finds
 * the wordings, decides their context and applies the entry's conditions.
 */
import { parseClinicalDate } from '../../chart/dates.ts';
import { normalizeCode } from '../code-format.ts';
import type { CodeTable } from '../table.ts';
import { contextOf } from './context.ts';
import { checkedEntries, formatProblem, type DataProblem } from './data-check.ts';
import { expandTemplate } from './lexicon.ts';
import type { Passage } from './passages.ts';
import { PhraseIndex } from './phrase-index.ts';
import type { StatusPassages } from './status-passages.ts';
import statusJson from './status-codes.json';
import { tokenize, wordsOf, type Token } from './tokens.ts';
import type { Mention, MentionContext } from './types.ts';

interface Condition {
  prefixes: string[];
  why: string;
}
interface Near {
  words: string[];
  why: string;
}
interface Template {
  phrases: string[];
  code: string;
  slots: Record<string, Record<string, string>>;
}
/** One drug class or status of status-codes.json. */
export interface StatusEntry {
  id: string;
  code: string;
  guideline: string;
  names?: string[];
  phrases?: string[];
  templates?: Template[];
  contexts?: MentionContext[];
  historicalCode?: string;
  notWith?: Condition;
  onlyWith?: Condition;
  notNear?: Near;
  about?: string;
}

/** A status code the chart supports, with the mentions it rests on. */
export interface StatusFinding {
  code: string;
  entry: StatusEntry;
  mentions: Mention[];
  /** Why the code applies, in words. */
  reason: string;
}

interface StatusFile {
  notCurrent: { before: string[]; after: string[]; answers: string[]; answersHistorical: string[] };
  window: number;
  drugs: unknown[];
  statuses: unknown[];
  ignore: string[];
}

export const STATUS_FILE = 'src/codes/suggest/status-codes.json';
const FILE = STATUS_FILE;
const RAW = statusJson as unknown as StatusFile;
const IGNORE = 'ignore';

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');
const isCondition = (v: unknown): boolean => v === undefined || (typeof v === 'object' && v !== null && isStrings((v as Condition).prefixes) && typeof (v as Condition).why === 'string');
const isNear = (v: unknown): boolean => v === undefined || (typeof v === 'object' && v !== null && isStrings((v as Near).words) && typeof (v as Near).why === 'string');
const CODE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$|^\{[a-z]+\}$/;

/** Why an entry of status-codes.json is malformed, or undefined when it is well formed. */
export function statusEntryProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'an entry must be an object';
  const e = v as Partial<StatusEntry>;
  if (typeof e.id !== 'string' || e.id === '') return 'missing "id"';
  if (typeof e.code !== 'string' || !CODE.test(e.code)) return `"code" ${JSON.stringify(e.code)} is not an ICD-10-CM code`;
  if (typeof e.guideline !== 'string') return 'missing "guideline"';
  const words = [e.names, e.phrases].filter((x) => x !== undefined);
  if (words.some((w) => !isStrings(w))) return '"names" / "phrases" must be lists of non-empty strings';
  if (words.length === 0 && !Array.isArray(e.templates)) return 'no "names", "phrases" or "templates"';
  if (!isCondition(e.notWith) || !isCondition(e.onlyWith)) return '"notWith" / "onlyWith" need "prefixes" and "why"';
  if (!isNear(e.notNear)) return '"notNear" needs "words" and "why"';
  if (e.historicalCode !== undefined && !CODE.test(e.historicalCode)) return `"historicalCode" ${JSON.stringify(e.historicalCode)} is not a code`;
  return undefined;
}

/** The well-formed entries of status-codes.json and the problems of the others (file and line). */
export function loadStatusEntries(raw: StatusFile = RAW, file = FILE, text?: string): { drugs: StatusEntry[]; statuses: StatusEntry[]; problems: DataProblem[] } {
  const drugs = checkedEntries<StatusEntry>(raw.drugs, '/drugs', file, statusEntryProblem, text);
  const statuses = checkedEntries<StatusEntry>(raw.statuses, '/statuses', file, statusEntryProblem, text);
  return { drugs: drugs.entries, statuses: statuses.entries, problems: [...drugs.problems, ...statuses.problems] };
}

/** Every (phrase, code) of an entry. */
export function entryPhrases(entry: StatusEntry): { phrase: string; code: string }[] {
  const plain = [...(entry.names ?? []), ...(entry.phrases ?? [])].map((phrase) => ({ phrase, code: entry.code }));
  return [...plain, ...(entry.templates ?? []).flatMap(expandTemplate)];
}

interface Compiled {
  index: PhraseIndex;
  entries: StatusEntry[];
  before: PhraseIndex;
  after: PhraseIndex;
  answers: PhraseIndex;
  answersHistorical: PhraseIndex;
}

function phraseSet(phrases: readonly string[]): PhraseIndex {
  const index = new PhraseIndex();
  for (const p of phrases) index.add(wordsOf(p), 'x');
  return index;
}

let compiled: { drugs: Compiled; statuses: Compiled } | undefined;

function compile(entries: StatusEntry[]): Compiled {
  const index = new PhraseIndex();
  entries.forEach((entry, i) => {
    for (const { phrase, code } of entryPhrases(entry)) index.add(wordsOf(phrase), `${i}|${normalizeCode(code)}`);
  });
  for (const p of RAW.ignore) index.add(wordsOf(p), IGNORE, true);
  const n = RAW.notCurrent;
  return { index, entries, before: phraseSet(n.before), after: phraseSet(n.after), answers: phraseSet(n.answers), answersHistorical: phraseSet(n.answersHistorical) };
}

function tables(): { drugs: Compiled; statuses: Compiled } {
  if (!compiled) {
    const { drugs, statuses, problems } = loadStatusEntries();
    // Reported where the table loads; the well-formed entries still apply.
    for (const p of problems) console.warn(`chartlint: ${formatProblem(p)}`);
    compiled = { drugs: compile(drugs), statuses: compile(statuses) };
  }
  return compiled;
}

const hitIn = (index: PhraseIndex, tokens: readonly Token[], from: number, to: number): boolean => index.matches(tokens.slice(Math.max(0, from), Math.max(0, to))).length > 0;

const nearIndex = new WeakMap<Near, PhraseIndex>();

/** True when a word of `near` stands within `window` words of tokens [start, end). */
function nearWord(tokens: readonly Token[], start: number, end: number, near: Near | undefined, window: number): boolean {
  if (!near) return false;
  let index = nearIndex.get(near);
  if (!index) nearIndex.set(near, (index = phraseSet(near.words)));
  return hitIn(index, tokens, start - window, start) || hitIn(index, tokens, end, end + window);
}

/** The days of the stay (ISO dates, inclusive), when the chart is of a stay with known dates. */
export interface StayDays {
  from: string;
  to?: string;
}

/** Characters after a status phrase searched for the date it was done ("s/p right TKA 11/09/2026"). */
const DATE_AFTER = 24;

/**
 * True when the words right after a procedure status name a date inside the stay: the device
 * or operation is this stay's procedure, coded as such, not a status (the notNear entries).
 */
function doneInStay(text: string, end: number, stay: StayDays | undefined): boolean {
  if (!stay) return false;
  const day = parseClinicalDate(text.slice(end, end + DATE_AFTER).replace(/^[\s,;:(-]*(?:on\s+)?/i, ''))?.slice(0, 10);
  return day !== undefined && day >= stay.from.slice(0, 10) && (stay.to === undefined || day <= stay.to.slice(0, 10));
}

/** What a sentence's words say for one table, before the passage's own marks: read once per text. */
interface Reading {
  entry: StatusEntry;
  code: string;
  phrase: string;
  /** Character offset where the phrase ends (for the date after it). */
  end: number;
  context: MentionContext;
  trigger?: string;
  /** "former" right after the phrase ("tobacco: former"). */
  answersHistorical: boolean;
}

const READINGS = new WeakMap<Compiled, Map<string, readonly Reading[]>>();
const MAX_READ = 50_000;

function readingsOf(text: string, table: Compiled): readonly Reading[] {
  let memo = READINGS.get(table);
  if (!memo) READINGS.set(table, (memo = new Map<string, readonly Reading[]>()));
  const hit = memo.get(text);
  if (hit) return hit;
  const tokens = tokenize(text);
  const out: Reading[] = [];
  for (const m of table.index.matches(tokens)) {
    if (m.code === IGNORE) continue;
    const [i, code] = m.code.split('|');
    const entry = table.entries[Number(i)];
    if (!entry || !code) continue;
    const w = RAW.window;
    if (hitIn(table.before, tokens, m.start - w, m.start) || hitIn(table.after, tokens, m.end, m.end + w) || hitIn(table.answers, tokens, m.end, m.end + 2)) continue;
    if (nearWord(tokens, m.start, m.end, entry.notNear, w + 2)) continue;
    const { context, trigger } = contextOf(tokens, m.start, m.end, text);
    const phrase = text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end);
    out.push({ entry, code, phrase, end: tokens[m.end - 1]!.end, context, ...(trigger ? { trigger } : {}), answersHistorical: hitIn(table.answersHistorical, tokens, m.end, m.end + 2) });
  }
  if (memo.size >= MAX_READ) memo.clear();
  memo.set(text, out);
  return out;
}

/** The mentions of one compiled table in a passage, each with the code it gives. */
function mentionsIn(passage: Passage, table: Compiled, stay?: StayDays): { mention: Mention; entry: StatusEntry }[] {
  const out: { mention: Mention; entry: StatusEntry }[] = [];
  for (const r of readingsOf(passage.text, table)) {
    const { entry, code, trigger } = r;
    if (entry.notNear && doneInStay(passage.text, r.end, stay)) continue;
    let context = r.context;
    if (context === 'affirmed' && (passage.historical || r.answersHistorical)) context = 'historical';
    if (!(entry.contexts ?? ['affirmed']).includes(context)) continue;
    const final = context === 'historical' && entry.historicalCode ? normalizeCode(entry.historicalCode) : code;
    out.push({ mention: { code: final, phrase: r.phrase, source: passage.source, where: passage.where, context, ...(trigger ? { trigger } : {}) }, entry });
  }
  return out;
}

const under = (code: string, prefixes: readonly string[]): boolean => prefixes.some((p) => code.startsWith(normalizeCode(p)));

/**
 * The status codes the chart's passages (statusPassages) support. `known` are the codes documented as current or on the
 * chart (normalized), for the entries' `notWith` and `onlyWith` conditions; `stay`, the days of
 * the stay, for procedures dated inside it.
 */
export function statusCodes(passages: StatusPassages, table: CodeTable, known: readonly string[], stay?: StayDays): StatusFinding[] {
  const { drugs, statuses } = tables();
  const found = [
    ...passages.medications.flatMap((p) => mentionsIn(p, drugs)),
    ...passages.text.flatMap((p) => [...mentionsIn(p, drugs), ...mentionsIn(p, statuses, stay)]),
  ];
  const byCode = new Map<string, { entry: StatusEntry; mentions: Mention[] }>();
  for (const { mention, entry } of found) {
    if (!table.get(mention.code)?.billable) continue;
    const hit = byCode.get(mention.code);
    if (hit) hit.mentions.push(mention);
    else byCode.set(mention.code, { entry, mentions: [mention] });
  }
  const all = [...known, ...byCode.keys()];
  const out: StatusFinding[] = [];
  for (const [code, { entry, mentions }] of byCode) {
    if (entry.notWith && all.some((c) => c !== code && under(c, entry.notWith!.prefixes))) continue;
    if (entry.onlyWith && !all.some((c) => under(c, entry.onlyWith!.prefixes))) continue;
    const first = mentions[0]!;
    const reason =
      `Documented as “${first.phrase}” (${first.where}): ${table.get(code)?.long ?? table.get(code)?.short ?? code} is reported as a status (${entry.guideline}).` +
      (entry.about ? ` ${entry.about}` : '') +
      (entry.onlyWith ? ` It applies here because ${entry.onlyWith.why.replace(/^./, (c) => c.toLowerCase())}.` : '');
    out.push({ code, entry, mentions, reason });
  }
  return out;
}
