/**
 * The starter table's format: what the extension knows about ICD-10-CM before any import,
 * bundled into the service worker. {@link encodeStarter} writes it at build time;
 * {@link decodeStarter} turns it into {@link CodeTableParts} when the worker starts.
 *
 * Every section is a string (a few big strings are cheap for bundlers and for V8 to parse;
 * 100,000 objects are not), mostly streams of small numbers (uint-stream.ts: 1-3 printable
 * characters each, nothing to escape). Format 2 (issue 5) stores the FY2027 table in about a
 * quarter of format 1, and adds the codes format 1 dropped (see `history`).
 *
 * Positions: the release's codes in code order are 0..n-1, then the `history` codes n... A
 * "header" is a release code that is not billable; every other position is a "leaf".
 *
 * | key | content |
 * | --- | --- |
 * | `codes` | the release's codes, as a trie (code-trie.ts) |
 * | `billableExceptions` | runs (uint-stream.ts `pushRuns`) of the positions whose billable flag is not "has no child code"; none in FY2027 |
 * | `history` | codes outside the release that the MCE or MS-DRG data describe: codes deleted since FY2016, valid for older dates (trie) |
 * | `text` | word-coding.ts: the word list, the titles of `codes` in code order, and the note texts |
 * | `notes.levels` | the levels that carry notes (a code, or a range such as S70-S79), in their tabular order, front-coded with ' ' (front-coding.ts) |
 * | `notes.lines` | per level: its number of notes, then per note (text index in `text.texts`) * 3 + kind (0 Excludes1, 1 use additional code, 2 code first) |
 * | `mce.periods` | a column (starter-columns.ts) over all positions: '-' not in the MCE, else the code's periods `from,to,flags` joined by ';' (dates yyyyMMdd, `to` '' = open, each flag one base-36 index into `flagNames`) |
 * | `drg.attributes` | a column over all positions: '-' none, else `mdc,severity,collection` (severity M = MCC, C = CC, N = neither) |
 * | `drg.collections` | PDX-exclusion collections as positions (starter-collections.ts) |
 */
import { parseCodeRefs, type CodeRef } from './code-refs.ts';
import { trieDecode, trieEncode, type EncodedTrie } from './code-trie.ts';
import { frontDecode, frontEncode } from './front-coding.ts';
import type { MceAgeRange, MceCodeRecord, McePeriod } from './mce.ts';
import type { DrgDxRecord, Severity } from './msdrg.ts';
import { decodeCollections, encodeCollections } from './starter-collections.ts';
import { decodeColumn, encodeColumn, type EncodedColumn } from './starter-columns.ts';
import type { CodeEntry, CodeTableParts, ReleaseInfo } from './table.ts';
import type { NoteWithRefs, TabularNode, TabularRange } from './tabular-notes.ts';
import { encodeUints, pushRuns, rankByUse, readRuns, UintReader } from './uint-stream.ts';
import { decodeTexts, decodeTitles, decodeWords, encodeWordTexts, type EncodedWordTexts } from './word-coding.ts';

export const STARTER_FORMAT = 'chartlint-starter-codes/2';

/** Note kinds carried by the starter, numbered as in `notes.lines`. */
const NOTE_KINDS = ['excludes1', 'useAdditionalCode', 'codeFirst'] as const;
type NoteKind = (typeof NOTE_KINDS)[number];

/** The generated JSON (see the table in the module comment). */
export interface StarterData {
  format: typeof STARTER_FORMAT;
  /** 'shared-codesets' when built from ../shared/codesets, 'fallback' from the committed list. */
  builtFrom: 'shared-codesets' | 'fallback';
  release: ReleaseInfo;
  sources: string[];
  codes: EncodedTrie;
  billableExceptions: string;
  history: EncodedTrie;
  text: EncodedWordTexts;
  notes: { levels: string; lines: string };
  mce?: { version: string; terminationDate: string; ageRanges: MceAgeRange[]; flagNames: string[]; periods: EncodedColumn };
  drg?: { version: string; attributes: EncodedColumn; collections: string };
}

/** Source data for {@link encodeStarter}. */
export interface StarterInput {
  builtFrom: StarterData['builtFrom'];
  release: ReleaseInfo;
  sources: string[];
  entries: CodeEntry[];
  /** MCE records of any code: those outside `entries` go to `history`. */
  mce?: { version: string; terminationDate: string; ageRanges: MceAgeRange[]; dx: MceCodeRecord[] };
  drg?: { version: string; dx: DrgDxRecord[]; pdxCollections: { id: number; codes: string[] }[] };
  notes: { level: string; kind: NoteKind; text: string }[];
}

/** True when no code of the sorted list extends code i (extensions follow it directly). */
function isLeaf(codes: readonly string[], i: number): boolean {
  const code = codes[i] ?? '';
  return !codes[i + 1]?.startsWith(code);
}

/** Encodes the starter input; throws when a code is listed twice or a value cannot be carried. */
export function encodeStarter(input: StarterInput): StarterData {
  const entries = [...input.entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const codes = entries.map((e) => e.code);
  const inRelease = new Set(codes);
  if (inRelease.size !== codes.length) throw new Error('starter codes: a code is listed twice');
  const described = [
    ...(input.mce?.dx ?? []).map((r) => r.code),
    ...(input.drg?.dx ?? []).map((r) => r.code),
    ...(input.drg?.pdxCollections ?? []).flatMap((c) => c.codes),
  ];
  const history = [...new Set(described.filter((c) => !inRelease.has(c)))].sort();
  const all = [...codes, ...history];
  const header = all.map((_, i) => entries[i]?.billable === false);
  const exceptions: number[] = [];
  pushRuns(exceptions, entries.flatMap((e, i) => (e.billable === isLeaf(codes, i) ? [] : [i])));
  const texts = rankByUse(input.notes.map((n) => n.text));
  const data: StarterData = {
    format: STARTER_FORMAT,
    builtFrom: input.builtFrom,
    release: input.release,
    sources: input.sources,
    codes: trieEncode(codes),
    billableExceptions: encodeUints(exceptions),
    history: trieEncode(history),
    text: encodeWordTexts(entries.map((e) => e.short), texts),
    notes: encodeNotes(input.notes, texts),
  };
  if (input.mce) {
    const flagNames = [...new Set(input.mce.dx.flatMap((r) => r.periods.flatMap((p) => p.flags)))].sort();
    if (flagNames.length > 36) throw new Error('starter codes: more than 36 MCE flags');
    const byCode = new Map(input.mce.dx.map((r) => [r.code, r.periods]));
    const periods = encodeColumn(all.map((c) => encodePeriods(byCode.get(c), flagNames)), header);
    const { version, terminationDate, ageRanges } = input.mce;
    data.mce = { version, terminationDate, ageRanges, flagNames, periods };
  }
  if (input.drg) {
    const byCode = new Map(input.drg.dx.map((r) => [r.code, r]));
    const position = new Map(all.map((c, i) => [c, i]));
    data.drg = {
      version: input.drg.version,
      attributes: encodeColumn(
        all.map((c) => {
          const a = byCode.get(c);
          return a ? `${a.mdc},${a.severity === '' ? 'N' : a.severity[0]},${a.pdxCollection}` : '-';
        }),
        header,
      ),
      collections: encodeCollections(
        input.drg.pdxCollections.map((c) => ({
          id: c.id,
          positions: c.codes.map((code) => {
            const p = position.get(code);
            if (p === undefined) throw new Error(`starter codes: collection ${c.id} names ${code}, which has no position`);
            return p;
          }),
        })),
      ),
    };
  }
  return data;
}

/** Checks the shape of parsed starter JSON (the generated file is not type-checked). */
export function asStarterData(value: unknown): StarterData {
  const v = value as Partial<Record<keyof StarterData, unknown>> | null;
  if (v?.format !== STARTER_FORMAT) throw new Error(`starter codes: not in format ${STARTER_FORMAT}`);
  const strings: [string, unknown][] = [
    ['billableExceptions', v.billableExceptions],
    ...(['codes', 'history', 'text', 'notes'] as const).flatMap((key) =>
      Object.entries((v[key] ?? { [key]: undefined }) as Record<string, unknown>).map(([k, x]): [string, unknown] => [`${key}.${k}`, x]),
    ),
  ];
  for (const [key, x] of strings) if (typeof x !== 'string') throw new Error(`starter codes: "${key}" is not a string`);
  const release = v.release as Partial<ReleaseInfo> | undefined;
  if (typeof release?.fiscalYear !== 'number' || typeof release.effectiveFrom !== 'string') {
    throw new Error('starter codes: release information missing');
  }
  return value as StarterData;
}

/** Turns starter data back into table parts; throws when the data is not in this format. */
export function decodeStarter(data: StarterData): CodeTableParts {
  const codes = trieDecode(data.codes);
  const words = decodeWords(data.text);
  const titles = decodeTitles(words, data.text);
  if (titles.length !== codes.length) throw new Error(`starter codes: ${codes.length} codes but ${titles.length} titles`);
  const exceptions = new Set(readRuns(new UintReader(data.billableExceptions)));
  const entries: CodeEntry[] = codes.map((code, i) => ({ code, billable: isLeaf(codes, i) !== exceptions.has(i), short: titles[i] ?? '' }));
  const all = codes.concat(trieDecode(data.history));
  const header = new Uint8Array(all.length);
  entries.forEach((e, i) => {
    if (!e.billable) header[i] = 1;
  });
  const tabular = decodeNotes(data.notes, decodeTexts(words, data.text), data.release.fiscalYear);
  const parts: CodeTableParts = { release: data.release, entries, tabular };
  if (data.mce) {
    const { flagNames } = data.mce;
    const { values, at } = decodeColumn(data.mce.periods, header);
    // Each distinct period list is decoded once and shared, read-only, by all its codes.
    const lists = values.map((v) => (v === '-' ? undefined : decodePeriods(v, flagNames)));
    const dx: MceCodeRecord[] = [];
    all.forEach((code, i) => {
      const periods = lists[at[i] ?? 0];
      if (periods) dx.push({ code, periods });
    });
    const { version, terminationDate, ageRanges } = data.mce;
    parts.mce = { version, terminationDate, ageRanges, dx };
  }
  if (data.drg) {
    const { values, at } = decodeColumn(data.drg.attributes, header);
    const attributes = values.map(decodeAttributes);
    const dx: DrgDxRecord[] = [];
    all.forEach((code, i) => {
      const a = attributes[at[i] ?? 0];
      if (a) dx.push({ code, mdc: a.mdc, severity: a.severity, pdxCollection: a.pdxCollection });
    });
    const pdxCollections = decodeCollections(data.drg.collections).map(({ id, positions }) => ({
      id,
      codes: positions.map((p) => {
        const code = all[p];
        if (code === undefined) throw new Error(`starter codes: collection ${id} names position ${p} of ${all.length}`);
        return code;
      }),
    }));
    parts.drg = { version: data.drg.version, dx, pdxCollections };
  }
  return parts;
}

function encodeNotes(notes: StarterInput['notes'], texts: readonly string[]): StarterData['notes'] {
  const textIndex = new Map(texts.map((t, i) => [t, i]));
  const byLevel = new Map<string, number[]>();
  for (const n of notes) {
    const kind = NOTE_KINDS.indexOf(n.kind);
    if (kind < 0) throw new Error(`starter codes: note kind ${String(n.kind)} not carried`);
    let list = byLevel.get(n.level);
    if (!list) byLevel.set(n.level, (list = []));
    list.push((textIndex.get(n.text) ?? 0) * NOTE_KINDS.length + kind);
  }
  return { levels: frontEncode([...byLevel.keys()], ' '), lines: encodeUints([...byLevel.values()].flatMap((l) => [l.length, ...l])) };
}

function decodeNotes(notes: StarterData['notes'], texts: readonly string[], fiscalYear: number): NonNullable<CodeTableParts['tabular']> {
  // A text repeated at several levels is one shared, read-only note. Its code references are
  // parsed on first read: a chart reads the notes of a few codes, not all 5,000 at start.
  const shared: NoteWithRefs[] = texts.map((text) => {
    let refs: CodeRef[] | undefined;
    return {
      text,
      get refs(): CodeRef[] {
        return (refs ??= parseCodeRefs(text));
      },
    };
  });
  const nodes: TabularNode[] = [];
  const ranges: TabularRange[] = [];
  const reader = new UintReader(notes.lines);
  for (const level of frontDecode(notes.levels, ' ')) {
    const [first = '', last = first] = level.split('-');
    const owner: TabularNode | TabularRange = level.includes('-') ? { id: level, kind: 'section', title: '', first, last } : { code: level, title: '' };
    if ('code' in owner) nodes.push(owner);
    else ranges.push(owner);
    for (let n = reader.next(); n > 0; n--) {
      const value = reader.next();
      const kind = NOTE_KINDS[value % NOTE_KINDS.length] ?? 'excludes1';
      const note = shared[Math.floor(value / NOTE_KINDS.length)];
      if (!note) throw new Error(`starter codes: note of ${level} refers to a missing text`);
      (owner[kind] ??= []).push(note);
    }
  }
  if (!reader.done) throw new Error('starter codes: notes left after the last level');
  return { fiscalYear, nodes, ranges };
}

function compactDate(iso: string): string {
  return iso.replaceAll('-', '');
}

function isoDate(compact: string): string {
  return compact === '' ? '' : `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

function encodePeriods(periods: readonly McePeriod[] | undefined, flagNames: readonly string[]): string {
  if (!periods) return '-';
  return periods
    .map((p) => `${compactDate(p.from)},${compactDate(p.to)},${p.flags.map((f) => flagNames.indexOf(f).toString(36)).join('')}`)
    .join(';');
}

function decodePeriods(text: string, flagNames: readonly string[]): McePeriod[] {
  if (text === '') return [];
  return text.split(';').map((p) => {
    const [from = '', to = '', flags = ''] = p.split(',');
    return { from: isoDate(from), to: isoDate(to), flags: [...flags].map((c) => flagNames[parseInt(c, 36)] ?? c) };
  });
}

function decodeAttributes(text: string): Omit<DrgDxRecord, 'code'> | undefined {
  if (text === '-') return undefined;
  const [mdc = '', s = '', collection = ''] = text.split(',');
  const severity: Severity = s === 'M' ? 'MCC' : s === 'C' ? 'CC' : '';
  return { mdc: Number(mdc), severity, pdxCollection: Number(collection) };
}
