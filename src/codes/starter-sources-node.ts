/**
 * Node-only: gathers the starter table's input, from ../shared/codesets when present, else
 * from the committed fallback list (src/codes/fallback-codes.json). Used by
 * scripts/build-starter-codes.ts and by tests; never bundled into the extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fallbackStarterInput, type FallbackFile } from './fallback.ts';
import { importIcd10cmTabularXml } from './icd10cm-tabular-xml.ts';
import { importMce } from './mce.ts';
import { importMsDrg } from './msdrg.ts';
import type { StarterInput } from './starter-format.ts';
import { STARTER_RELEASE } from './starter-release.ts';
import type { CodeEntry } from './table.ts';
import type { TabularNotes } from './tabular-notes.ts';

const FILES = {
  billable: 'derived/icd10cm-fy2027-billable.tsv.gz',
  added: 'icd10cm-fy2027-changes/added.csv',
  order2025: 'icd10cm-fy2025-april/icd10cm-order-fy2025-april.tsv.gz',
  tabular: 'icd10cm-fy2021-official/icd10cm_tabular_2021.xml',
  mce: 'mce/mce-v43.1.json',
  msdrg: 'msdrg/msdrg-v43.1.json',
};

/** True when every file the full starter needs is under `sharedCodesets`. */
export function hasSharedCodesets(sharedCodesets: string): boolean {
  return Object.values(FILES).every((f) => existsSync(join(sharedCodesets, f)));
}

/** Reads a (gzipped) TSV with a header row into records. */
function readTsv(path: string): Record<string, string>[] {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const [head = '', ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  const columns = head.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** Full starter input from the official files (FY2027 codes, FY2021 notes, MCE/MS-DRG v43.1). */
export function readSharedStarterInput(sharedCodesets: string): StarterInput {
  const path = (f: string): string => join(sharedCodesets, f);
  const billable = readTsv(path(FILES.billable));
  const billableCodes = new Set(billable.map((r) => r.code ?? ''));
  const headerTitles = new Map<string, string>();
  for (const r of readTsv(path(FILES.order2025))) if (r.billable === '0') headerTitles.set(r.code ?? '', r.short_desc ?? '');
  // FY2027 additions (CSV with quoted titles): header rows give the titles of new headers.
  for (const line of readFileSync(path(FILES.added), 'utf8').split(/\r?\n/).slice(1)) {
    const cells = [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replaceAll('""', '"'));
    if (cells[2] === 'false' && cells[0]) headerTitles.set(cells[0], cells[4] ?? '');
  }
  for (const r of billable) {
    const [ancestor = '', ...title] = (r.nearest_ancestor_with_desc ?? '').split(' ');
    if (ancestor && !headerTitles.has(ancestor)) headerTitles.set(ancestor, title.join(' '));
  }
  const entries: CodeEntry[] = billable.map((r) => ({ code: r.code ?? '', billable: true, short: r.short_desc ?? '' }));
  const headers = new Set<string>();
  for (const code of billableCodes) for (let n = 3; n < code.length; n++) headers.add(code.slice(0, n));
  for (const code of [...headers].sort()) {
    // Levels made only of placeholder X (T07X, T07XX) are not codes, unless a release lists them.
    if (billableCodes.has(code) || (code.endsWith('X') && !headerTitles.has(code))) continue;
    // Placeholder levels (T36.0X) and FY2026 headers without a title take their parent's title.
    let title = headerTitles.get(code);
    for (let n = code.length - 1; title === undefined && n >= 3; n--) title = headerTitles.get(code.slice(0, n));
    entries.push({ code, billable: false, short: title ?? '' });
  }
  const mce = importMce(readFileSync(path(FILES.mce)));
  const drg = importMsDrg(readFileSync(path(FILES.msdrg)));
  const tabular = importIcd10cmTabularXml(readFileSync(path(FILES.tabular)));
  const notes: StarterInput['notes'] = [];
  for (const level of [...tabular.ranges, ...tabular.nodes]) {
    const name = 'code' in level ? level.code : `${level.first}-${level.last}`;
    notes.push(...referenceNotes(name, level));
  }
  return {
    builtFrom: 'shared-codesets',
    release: { ...STARTER_RELEASE, source: 'ICD-10-CM FY2027 code list; notes from the FY2021 tabular XML; MCE and MS-DRG v43.1' },
    sources: Object.values(FILES).map((f) => `../shared/codesets/${f}`),
    entries,
    mce: { version: mce.version, terminationDate: mce.terminationDate, ageRanges: mce.ageRanges, dx: mce.dx },
    drg: { version: drg.version, dx: drg.dx, pdxCollections: drg.pdxCollections },
    notes,
  };
}

function referenceNotes(level: string, notes: TabularNotes): StarterInput['notes'] {
  const out: StarterInput['notes'] = [];
  for (const kind of ['excludes1', 'useAdditionalCode', 'codeFirst'] as const) {
    for (const note of notes[kind] ?? []) if (note.refs.length > 0) out.push({ level, kind, text: note.text });
  }
  return out;
}

/** Starter input from the committed fallback list file: a few hundred common codes. */
export function readFallbackStarterInput(file: string): StarterInput {
  return fallbackStarterInput(JSON.parse(readFileSync(file, 'utf8')) as FallbackFile, file.split('/').pop() ?? file);
}
