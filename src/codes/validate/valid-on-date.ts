/**
 * Is a code valid for a date of service or discharge? The release's own code list answers for
 * dates in its fiscal year; for earlier dates the MCE periods (FY2016 onwards) answer.
 */
import { isoDay, mcePeriodOn } from './mce-flags.ts';
import type { CodeEntry, CodeTable } from '../table.ts';
import { normalizeCode } from '../code-format.ts';

export type ValidityStatus =
  | 'valid'
  /** The code exists but is a header: see billable.ts. */
  | 'header'
  /** Not a code of this release (or of the MCE history, for earlier dates). */
  | 'unknown'
  /** Not in a partial table (the fallback list): nothing can be said. */
  | 'not-covered'
  /** A real code, but not valid on that date (added later or deleted before). */
  | 'not-in-effect'
  /** Neither the release nor the MCE tables cover the date: load the release of that year. */
  | 'no-release-for-date';

export interface CodeValidity {
  code: string;
  status: ValidityStatus;
  entry?: CodeEntry;
  /** For 'not-in-effect': when the code was valid, as ISO ranges ('' = open). */
  validPeriods?: { from: string; to: string }[];
}

export function codeValidOn(table: CodeTable, rawCode: string, date: string): CodeValidity {
  const code = normalizeCode(rawCode);
  const day = isoDay(date);
  const entry = table.get(code);
  const { effectiveFrom, effectiveTo } = table.release;
  if (day >= effectiveFrom && day <= effectiveTo) {
    if (!entry) return { code, status: table.release.partial ? 'not-covered' : 'unknown' };
    return { code, status: entry.billable ? 'valid' : 'header', entry };
  }
  const mce = table.mceInfo;
  if (!mce || day > mce.terminationDate) return { code, status: 'no-release-for-date', ...(entry ? { entry } : {}) };
  const periods = table.mcePeriods(code);
  if (!periods) {
    // MCE lists only reportable codes: a header of this release was a header then too, if it existed.
    if (entry && !entry.billable) return { code, status: 'header', entry };
    // A reportable code of this release that the MCE of the years before never listed: new in
    // this release, so not yet in effect on an earlier date.
    if (entry && !table.release.partial && day < effectiveFrom) return { code, status: 'not-in-effect', entry, validPeriods: [{ from: effectiveFrom, to: '' }] };
    return { code, status: table.release.partial ? 'not-covered' : 'unknown' };
  }
  if (mcePeriodOn(periods, day)) return { code, status: 'valid', ...(entry ? { entry } : {}) };
  return { code, status: 'not-in-effect', validPeriods: periods.map((p) => ({ from: p.from, to: p.to })) };
}
