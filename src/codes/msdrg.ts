/**
 * Importer for the MS-DRG grouper tables decoded to JSON (../shared/codesets/msdrg,
 * msdrg-v43.1.json): per ICD-10-CM code its MDC, its severity (MCC, CC or neither) and its
 * PDX-exclusion collection, plus the collections and the DRG titles.
 *
 * How a collection is read (checked by the decoder of that file against the CMS v43.1 grouper on
 * 82,014 pairs): when P is the principal diagnosis, a secondary S that is a CC or MCC loses
 * that status when S is listed in the collection whose id is stored on P. The `fields` text
 * inside the JSON says the reverse; that reading disagrees with the grouper for ~8-9 % of pairs.
 */
import { CodeSetImportError, throttledProgress, type ProgressCallback, type ReleaseInput } from './import-progress.ts';
import { isRecord, parseJsonInput, requireRecord, stringOr } from './json-input.ts';

const FILE = 'MS-DRG tables (JSON)';

export type Severity = 'MCC' | 'CC' | '';

export interface DrgDxRecord {
  code: string;
  /** Major diagnostic category; 0 = none (e.g. external causes). */
  mdc: number;
  severity: Severity;
  /** Collection of secondaries this code cancels as principal; 0 = none. */
  pdxCollection: number;
}

export interface DrgInfo {
  drg: number;
  title: string;
  type: string;
  mdcs: number[];
}

export interface DrgRelease {
  system: 'msdrg';
  version: string;
  fiscalYear: number;
  dx: DrgDxRecord[];
  pdxCollections: { id: number; codes: string[] }[];
  mdcTitles: Record<string, string>;
  drgs: DrgInfo[];
}

/** Parses the decoded MS-DRG JSON; throws {@link CodeSetImportError} when its shape is wrong. */
export function importMsDrg(input: ReleaseInput, onProgress?: ProgressCallback): DrgRelease {
  const root = parseJsonInput(input, FILE);
  const meta = requireRecord(root, 'meta', FILE);
  const versionMatch = /^V(\d+)(\d)$/.exec(stringOr(meta.groupedVersion));
  const fyMatch = /FY(\d{4})/.exec(stringOr(meta.source));
  if (!versionMatch?.[1] || !versionMatch[2] || !fyMatch?.[1]) {
    throw new CodeSetImportError(FILE, 'meta.groupedVersion (e.g. V431) or the fiscal year in meta.source is missing');
  }
  const dxTable = requireRecord(root, 'dx', FILE);
  const report = throttledProgress(onProgress, 'MS-DRG attributes', Object.keys(dxTable).length, 'codes', 20_000);
  const dx: DrgDxRecord[] = [];
  for (const [code, value] of Object.entries(dxTable)) {
    if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[2] !== 'number' || !isSeverity(value[1])) {
      throw new CodeSetImportError(FILE, `code ${code}: malformed attributes ${JSON.stringify(value)}`);
    }
    dx.push({ code, mdc: value[0], severity: value[1], pdxCollection: value[2] });
    report(dx.length);
  }
  const counts = meta.counts;
  if (isRecord(counts) && typeof counts.dx === 'number' && counts.dx !== dx.length) {
    throw new CodeSetImportError(FILE, `meta says ${counts.dx} diagnosis codes, the table has ${dx.length} (truncated?)`);
  }
  const pdxCollections = Object.entries(requireRecord(root, 'pdxExclusionCollections', FILE)).map(([id, codes]) => {
    if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) {
      throw new CodeSetImportError(FILE, `PDX-exclusion collection ${id} is not a list of codes`);
    }
    return { id: Number(id), codes };
  });
  const collectionIds = new Set(pdxCollections.map((c) => c.id));
  const missing = dx.find((d) => d.pdxCollection !== 0 && !collectionIds.has(d.pdxCollection));
  if (missing) {
    throw new CodeSetImportError(FILE, `code ${missing.code} points to collection ${missing.pdxCollection}, which is absent`);
  }
  return {
    system: 'msdrg',
    version: `${versionMatch[1]}.${versionMatch[2]}`,
    fiscalYear: Number(fyMatch[1]),
    dx,
    pdxCollections,
    mdcTitles: stringValues(requireRecord(root, 'mdcs', FILE)),
    drgs: Object.entries(requireRecord(root, 'drgs', FILE)).map(([drg, info]) => {
      const row = isRecord(info) ? info : {};
      return {
        drg: Number(drg),
        title: stringOr(row.title),
        type: stringOr(row.type),
        mdcs: Array.isArray(row.mdcs) ? row.mdcs.filter((m): m is number => typeof m === 'number') : [],
      };
    }),
  };
}

function isSeverity(value: unknown): value is Severity {
  return value === 'MCC' || value === 'CC' || value === '';
}

function stringValues(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
