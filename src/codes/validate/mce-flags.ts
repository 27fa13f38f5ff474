/** The MCE attributes of a diagnosis code on a given date (the period that covers the date). */
import type { McePeriod } from '../mce.ts';
import type { CodeTable } from '../table.ts';

/** ISO date (yyyy-MM-dd) of an ISO date or date-time. */
export function isoDay(date: string): string {
  return date.slice(0, 10);
}

/** The MCE period covering `date`, or undefined when the code was not valid then. */
export function mcePeriodOn(periods: readonly McePeriod[] | undefined, date: string): McePeriod | undefined {
  const day = isoDay(date);
  return periods?.find((p) => p.from <= day && (p.to === '' || day <= p.to));
}

/** MCE flags of a code on a date; undefined when the table has no MCE data for the code or date. */
export function mceFlagsOn(table: CodeTable, code: string, date: string): readonly string[] | undefined {
  const info = table.mceInfo;
  if (!info) return undefined;
  // Past the tables' termination date the last open period still describes the code best.
  const day = isoDay(date) > info.terminationDate ? info.terminationDate : isoDay(date);
  return mcePeriodOn(table.mcePeriods(code), day)?.flags;
}
