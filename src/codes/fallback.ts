/**
 * The committed fallback list (src/codes/fallback-codes.json): a few hundred common ICD-10-CM
 * codes with their flags, hand-picked, for builds without ../shared/codesets and as the table
 * the engine uses until the extension hands it the real one. Its table is marked `partial`.
 */
import { normalizeCode } from './code-format.ts';
import type { MceAgeRange, McePeriod } from './mce.ts';
import type { Severity } from './msdrg.ts';
import type { StarterInput } from './starter-format.ts';
import { STARTER_RELEASE } from './starter-release.ts';

/** One code of the committed fallback list (src/codes/fallback-codes.json). */
export interface FallbackCode {
  code: string;
  billable: boolean;
  title: string;
  mdc?: number;
  severity?: Severity;
  /** MCE v43.1 validity periods as in the MCE tables: [from, to ('' = open), ...flags], dates yyyyMMdd. */
  mcePeriods?: string[][];
  /** Secondaries (of this list) whose CC/MCC this code cancels as principal diagnosis. */
  cancelsAsPrincipal?: string[];
  excludes1?: string[];
  useAdditionalCode?: string[];
  codeFirst?: string[];
}

export interface FallbackFile {
  about: string;
  sources: string[];
  mceVersion: string;
  mceTerminationDate: string;
  ageRanges: MceAgeRange[];
  drgVersion: string;
  codes: FallbackCode[];
}

function periodOf([from = '', to = '', ...flags]: string[]): McePeriod {
  const iso = (d: string): string => (d === '' ? '' : `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`);
  return { from: iso(from), to: iso(to), flags };
}

/** Starter input from the fallback list (`name` says where it came from). */
export function fallbackStarterInput(data: FallbackFile, name: string): StarterInput {
  if (!Array.isArray(data.codes) || data.codes.length === 0) throw new Error(`${name}: no codes`);
  const codes = data.codes.map((c) => ({ ...c, code: normalizeCode(c.code) }));
  const collections = codes.filter((c) => c.cancelsAsPrincipal?.length).map((c, i) => ({ id: i + 1, code: c.code, codes: (c.cancelsAsPrincipal ?? []).map(normalizeCode) }));
  const collectionOf = new Map(collections.map((c) => [c.code, c.id]));
  return {
    builtFrom: 'fallback',
    release: { ...STARTER_RELEASE, partial: true, source: `fallback list of ${codes.length} common codes (${name})` },
    sources: data.sources,
    entries: codes.map((c) => ({ code: c.code, billable: c.billable, short: c.title })),
    mce: {
      version: data.mceVersion,
      terminationDate: data.mceTerminationDate,
      ageRanges: data.ageRanges,
      dx: codes.filter((c) => c.mcePeriods).map((c) => ({ code: c.code, periods: (c.mcePeriods ?? []).map(periodOf) })),
    },
    drg: {
      version: data.drgVersion,
      dx: codes.filter((c) => c.mdc !== undefined).map((c) => ({ code: c.code, mdc: c.mdc ?? 0, severity: c.severity ?? '', pdxCollection: collectionOf.get(c.code) ?? 0 })),
      pdxCollections: collections.map(({ id, codes: list }) => ({ id, codes: list })),
    },
    notes: codes.flatMap((c) =>
      (['excludes1', 'useAdditionalCode', 'codeFirst'] as const).flatMap((kind) => (c[kind] ?? []).map((text) => ({ level: c.code, kind, text }))),
    ),
  };
}
