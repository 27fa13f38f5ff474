/**
 * Importer for the Medicare Code Editor tables decoded to JSON (../shared/codesets/mce,
 * mce-v43.1.json): per code, validity periods with the edit attributes in force in each period
 * (age group, sex, manifestation, unacceptable principal diagnosis, questionable admission, ...).
 */
import { CodeSetImportError, throttledProgress, type ProgressCallback, type ReleaseInput } from './import-progress.ts';
import { isoFromCompact, parseJsonInput, requireRecord, stringOr } from './json-input.ts';

const FILE = 'MCE tables (JSON)';

/** Diagnosis edit attributes as CMS names them in the MCE tables. */
export type MceDxFlag =
  | 'newborn' | 'pediatric' | 'maternity' | 'adult' | 'male' | 'female' | 'manifestation' | 'unacceptable'
  | 'reqsdx' | 'qadm' | 'ecodepdx' | 'unspecified' | 'wrngproc' | 'clintrial' | 'diabtypeI' | 'ncov6' | 'ncov7'
  | 'ncov_z302' | 'delout';

/** A period in which a code is valid, with the attributes it carries then. Dates are ISO. */
export interface McePeriod {
  from: string;
  /** Last day of validity, or '' when still valid at the end of the release. */
  to: string;
  flags: string[];
}

export interface MceCodeRecord {
  code: string;
  periods: McePeriod[];
}

/** An MCE age group and the ages it accepts, for the dates given. */
export interface MceAgeRange {
  group: 'Newborn' | 'Pediatric' | 'Maternity' | 'Adult' | (string & {});
  minAge: number;
  maxAge: number;
  from: string;
  to: string;
}

export interface MceRelease {
  system: 'mce';
  version: string;
  fiscalYear: number;
  /** Last discharge date the tables cover (ISO). */
  terminationDate: string;
  ageRanges: MceAgeRange[];
  /** What each diagnosis flag means, in CMS's words. */
  dxFlagMeanings: Record<string, string>;
  dx: MceCodeRecord[];
  sg: MceCodeRecord[];
}

/** Parses the decoded MCE JSON; throws {@link CodeSetImportError} when its shape is wrong. */
export function importMce(input: ReleaseInput, onProgress?: ProgressCallback): MceRelease {
  const root = parseJsonInput(input, FILE);
  const meta = requireRecord(root, 'meta', FILE);
  const versionNumber = Number(meta.mceVersion);
  const termination = typeof meta.terminationDate === 'string' ? isoFromCompact(meta.terminationDate, FILE) : '';
  if (!Number.isInteger(versionNumber) || !termination) {
    throw new CodeSetImportError(FILE, 'meta.mceVersion or meta.terminationDate missing');
  }
  const dxTable = requireRecord(root, 'dx', FILE);
  const sgTable = requireRecord(root, 'sg', FILE);
  const total = Object.keys(dxTable).length + Object.keys(sgTable).length;
  const report = throttledProgress(onProgress, 'MCE edits', total, 'codes', 20_000);
  const dx = records(dxTable, (n) => report(n));
  const sg = records(sgTable, (n) => report(dx.length + n));
  const expected = (meta.counts as Record<string, unknown> | undefined)?.dxCodes;
  if (typeof expected === 'number' && expected !== dx.length) {
    throw new CodeSetImportError(FILE, `meta says ${expected} diagnosis codes, the table has ${dx.length} (truncated?)`);
  }
  const flagDocs = requireRecord(root, 'flagDocs', FILE);
  return {
    system: 'mce',
    version: `${Math.floor(versionNumber / 10)}.${versionNumber % 10}`,
    fiscalYear: Number(termination.slice(0, 4)),
    terminationDate: termination,
    ageRanges: ageRanges(root.ageRanges),
    dxFlagMeanings: Object.fromEntries(Object.entries(requireRecord(flagDocs, 'dx', FILE)).filter((e): e is [string, string] => typeof e[1] === 'string')),
    dx,
    sg,
  };
}

function records(table: Record<string, unknown>, report: (n: number) => void): MceCodeRecord[] {
  const out: MceCodeRecord[] = [];
  for (const [code, value] of Object.entries(table)) {
    if (!Array.isArray(value) || value.length === 0) throw new CodeSetImportError(FILE, `code ${code}: no validity periods`);
    const periods = value.map((p: unknown): McePeriod => {
      if (!Array.isArray(p) || p.length < 2 || !p.every((x) => typeof x === 'string')) {
        throw new CodeSetImportError(FILE, `code ${code}: malformed period ${JSON.stringify(p)}`);
      }
      const [from = '', to = '', ...flags] = p;
      return { from: isoFromCompact(from, FILE), to: isoFromCompact(to, FILE), flags };
    });
    out.push({ code, periods });
    report(out.length);
  }
  return out;
}

function ageRanges(value: unknown): MceAgeRange[] {
  if (!Array.isArray(value)) throw new CodeSetImportError(FILE, 'missing ageRanges');
  return value.map((r: unknown) => {
    const row = r as Record<string, unknown>;
    if (typeof row.ageGroup !== 'string' || typeof row.startAge !== 'number' || typeof row.endAge !== 'number') {
      throw new CodeSetImportError(FILE, `malformed age range ${JSON.stringify(r)}`);
    }
    return {
      group: row.ageGroup,
      minAge: row.startAge,
      maxAge: row.endAge,
      from: isoFromCompact(stringOr(row.startDate), FILE),
      to: isoFromCompact(stringOr(row.endDate), FILE),
    };
  });
}
