/**
 * The starter table's JSON format: what the extension knows about ICD-10-CM before any import.
 * Columns aligned to one sorted code list, as strings, so the file stays small (front-coded
 * codes and titles) and cheap for TypeScript and bundlers to read (a few big strings rather
 * than 100,000 objects). {@link encodeStarter} writes it at build time; {@link decodeStarter}
 * turns it into {@link CodeTableParts} in the service worker.
 */
import { parseCodeRefs } from './code-refs.ts';
import { frontDecode, frontEncode } from './front-coding.ts';
import type { MceAgeRange, MceCodeRecord, McePeriod } from './mce.ts';
import type { DrgDxRecord, Severity } from './msdrg.ts';
import type { CodeEntry, CodeTableParts, ReleaseInfo } from './table.ts';
import type { TabularNode, TabularRange } from './tabular-notes.ts';

export const STARTER_FORMAT = 'chartlint-starter-codes/1';

/** Note kinds carried by the starter (one letter each in `notes`). */
const NOTE_KINDS = { x: 'excludes1', u: 'useAdditionalCode', f: 'codeFirst' } as const;
type NoteLetter = keyof typeof NOTE_KINDS;

export interface StarterData {
  format: typeof STARTER_FORMAT;
  /** 'shared-codesets' when built from ../shared/codesets, 'fallback' from the committed list. */
  builtFrom: 'shared-codesets' | 'fallback';
  release: ReleaseInfo;
  sources: string[];
  /** Front-coded sorted codes ('|'-separated, see front-coding.ts). */
  codes: string;
  /** '1' billable / '0' header, one character per code. */
  billable: string;
  /** Front-coded short titles, in code order. */
  titles: string;
  mce?: {
    version: string;
    terminationDate: string;
    ageRanges: MceAgeRange[];
    flagNames: string[];
    /** Per code, '|'-separated: '-' not in MCE, '' valid since 2015-10-01 without flags, else periods. */
    periods: string;
  };
  drg?: {
    version: string;
    /** Per code, ','-separated MDC numbers ('' = no attributes). */
    mdc: string;
    /** One character per code: M = MCC, C = CC, N = neither, - = no attributes. */
    severity: string;
    /** Per code, ','-separated PDX-exclusion collection ids ('' = none). */
    pdxCollection: string;
    /** One line per collection: `id:` then runs of code positions (see encodeRuns). */
    collections: string;
  };
  /** Lines `level\tletter\ttext`; level is a code or a range like S70-S79. */
  notes: string;
}

/** Source data for {@link encodeStarter}. */
export interface StarterInput {
  builtFrom: StarterData['builtFrom'];
  release: ReleaseInfo;
  sources: string[];
  entries: CodeEntry[];
  mce?: { version: string; terminationDate: string; ageRanges: MceAgeRange[]; dx: MceCodeRecord[] };
  drg?: { version: string; dx: DrgDxRecord[]; pdxCollections: { id: number; codes: string[] }[] };
  notes: { level: string; kind: (typeof NOTE_KINDS)[NoteLetter]; text: string }[];
}

const DEFAULT_FROM = '2015-10-01';
/** Shared by the ~64,000 codes valid since FY2016 without MCE flags (read-only, saves memory). */
const DEFAULT_PERIODS: McePeriod[] = [{ from: DEFAULT_FROM, to: '', flags: [] }];

export function encodeStarter(input: StarterInput): StarterData {
  const entries = [...input.entries].sort((a, b) => (a.code < b.code ? -1 : 1));
  const position = new Map(entries.map((e, i) => [e.code, i]));
  const data: StarterData = {
    format: STARTER_FORMAT,
    builtFrom: input.builtFrom,
    release: input.release,
    sources: input.sources,
    codes: frontEncode(entries.map((e) => e.code)),
    billable: entries.map((e) => (e.billable ? '1' : '0')).join(''),
    titles: frontEncode(entries.map((e) => e.short)),
    notes: input.notes.map((n) => `${n.level}\t${letterOf(n.kind)}\t${n.text}`).join('\n'),
  };
  if (input.mce) {
    const flagNames = [...new Set(input.mce.dx.flatMap((r) => r.periods.flatMap((p) => p.flags)))].sort();
    const byCode = new Map(input.mce.dx.map((r) => [r.code, r.periods]));
    const periods = entries.map((e) => encodePeriods(byCode.get(e.code), flagNames)).join('|');
    const { version, terminationDate, ageRanges } = input.mce;
    data.mce = { version, terminationDate, ageRanges, flagNames, periods };
  }
  if (input.drg) {
    const byCode = new Map(input.drg.dx.map((r) => [r.code, r]));
    const attrs = entries.map((e) => byCode.get(e.code));
    data.drg = {
      version: input.drg.version,
      mdc: attrs.map((a) => (a ? String(a.mdc) : '')).join(','),
      severity: attrs.map((a) => (a ? (a.severity === '' ? 'N' : a.severity[0]) : '-')).join(''),
      pdxCollection: attrs.map((a) => (a?.pdxCollection ? String(a.pdxCollection) : '')).join(','),
      collections: input.drg.pdxCollections
        .map((c) => `${c.id}:${encodeRuns(c.codes.map((code) => position.get(code)).filter((p) => p !== undefined))}`)
        .join('\n'),
    };
  }
  return data;
}

/** Checks the shape of parsed starter JSON (the generated file is not type-checked). */
export function asStarterData(value: unknown): StarterData {
  const v = value as Partial<Record<keyof StarterData, unknown>> | null;
  if (v?.format !== STARTER_FORMAT) throw new Error(`starter codes: not in format ${STARTER_FORMAT}`);
  for (const key of ['codes', 'billable', 'titles', 'notes'] as const) {
    if (typeof v[key] !== 'string') throw new Error(`starter codes: "${key}" is not a string`);
  }
  const release = v.release as Partial<ReleaseInfo> | undefined;
  if (typeof release?.fiscalYear !== 'number' || typeof release.effectiveFrom !== 'string') {
    throw new Error('starter codes: release information missing');
  }
  return value as StarterData;
}

/** Turns starter data back into table parts; throws when the data is not in this format. */
export function decodeStarter(data: StarterData): CodeTableParts {
  const codes = frontDecode(data.codes);
  const titles = frontDecode(data.titles);
  if (titles.length !== codes.length || data.billable.length !== codes.length) {
    throw new Error(`starter codes: ${codes.length} codes but ${titles.length} titles and ${data.billable.length} flags`);
  }
  const entries: CodeEntry[] = codes.map((code, i) => ({ code, billable: data.billable[i] === '1', short: titles[i] ?? '' }));
  const parts: CodeTableParts = { release: data.release, entries, tabular: decodeNotes(data.notes, data.release.fiscalYear) };
  if (data.mce) {
    const { flagNames } = data.mce;
    const dx: MceCodeRecord[] = [];
    data.mce.periods.split('|').forEach((text, i) => {
      const code = codes[i];
      if (code !== undefined && text !== '-') dx.push({ code, periods: decodePeriods(text, flagNames) });
    });
    const { version, terminationDate, ageRanges } = data.mce;
    parts.mce = { version, terminationDate, ageRanges, dx };
  }
  if (data.drg) {
    const mdc = data.drg.mdc.split(',');
    const pdx = data.drg.pdxCollection.split(',');
    const dx: DrgDxRecord[] = [];
    codes.forEach((code, i) => {
      const s = data.drg?.severity[i];
      if (s === undefined || s === '-') return;
      const severity: Severity = s === 'M' ? 'MCC' : s === 'C' ? 'CC' : '';
      dx.push({ code, mdc: Number(mdc[i]), severity, pdxCollection: Number(pdx[i] || 0) });
    });
    const pdxCollections = data.drg.collections.split('\n').filter(Boolean).map((line) => {
      const [id = '', runs = ''] = line.split(':');
      return { id: Number(id), codes: decodeRuns(runs).map((p) => codes[p] ?? '') };
    });
    parts.drg = { version: data.drg.version, dx, pdxCollections };
  }
  return parts;
}

function letterOf(kind: string): NoteLetter {
  const letter = (Object.keys(NOTE_KINDS) as NoteLetter[]).find((l) => NOTE_KINDS[l] === kind);
  if (!letter) throw new Error(`starter codes: note kind ${kind} not carried`);
  return letter;
}

function decodeNotes(text: string, fiscalYear: number): NonNullable<CodeTableParts['tabular']> {
  const nodes = new Map<string, TabularNode>();
  const ranges = new Map<string, TabularRange>();
  for (const line of text.split('\n')) {
    const [level = '', letter = '', note = ''] = line.split('\t');
    const kind = NOTE_KINDS[letter as NoteLetter] as (typeof NOTE_KINDS)[NoteLetter] | undefined;
    if (!level || !kind) continue;
    let owner: TabularNode | TabularRange | undefined = level.includes('-') ? ranges.get(level) : nodes.get(level);
    if (!owner) {
      const [first = '', last = first] = level.split('-');
      owner = level.includes('-') ? { id: level, kind: 'section', title: '', first, last } : { code: level, title: '' };
      if ('code' in owner) nodes.set(level, owner);
      else ranges.set(level, owner);
    }
    (owner[kind] ??= []).push({ text: note, refs: parseCodeRefs(note) });
  }
  return { fiscalYear, nodes: [...nodes.values()], ranges: [...ranges.values()] };
}

function compactDate(iso: string): string {
  return iso.replaceAll('-', '');
}

function isoDate(compact: string): string {
  return compact === '' ? '' : `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

function encodePeriods(periods: McePeriod[] | undefined, flagNames: string[]): string {
  if (!periods) return '-';
  const first = periods[0];
  if (periods.length === 1 && first && first.from === DEFAULT_FROM && first.to === '' && first.flags.length === 0) return '';
  return periods
    .map((p) => `${compactDate(p.from)},${compactDate(p.to)},${p.flags.map((f) => flagNames.indexOf(f).toString(36)).join('')}`)
    .join(';');
}

function decodePeriods(text: string, flagNames: string[]): McePeriod[] {
  if (text === '') return DEFAULT_PERIODS;
  return text.split(';').map((p) => {
    const [from = '', to = '', flags = ''] = p.split(',');
    return { from: isoDate(from), to: isoDate(to), flags: [...flags].map((c) => flagNames[parseInt(c, 36)] ?? c) };
  });
}

/** Sorted positions as runs: `gap` or `gap+extra` in base 36, gap from the previous run's end. */
export function encodeRuns(positions: number[]): string {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: string[] = [];
  let end = -1;
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i] ?? 0;
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const extra = j - i;
    runs.push((start - end).toString(36) + (extra > 0 ? `+${extra.toString(36)}` : ''));
    end = start + extra;
    i = j + 1;
  }
  return runs.join(' ');
}

export function decodeRuns(text: string): number[] {
  const out: number[] = [];
  let end = -1;
  for (const run of text.split(' ')) {
    if (run === '') continue;
    const [gap = '', extra = '0'] = run.split('+');
    const start = end + parseInt(gap, 36);
    const length = parseInt(extra, 36);
    for (let p = start; p <= start + length; p++) out.push(p);
    end = start + length;
  }
  return out;
}
