import type { ReviewRecord } from '../storage/review-types.ts';
import { ccMccCapture } from './capture.ts';
import { daysToCompletion } from './completion.ts';
import { deficienciesOverTime, openByPhysician, openByType } from './deficiencies.ts';
import { delinquency } from './delinquency.ts';
import { drgShifts } from './drg-shifts.ts';
import { physiciansOverTime } from './physicians-over-time.ts';
import { queryRates } from './queries.ts';
import { rulesFiredAndDismissed } from './rules-fired.ts';
import type { MetricOptions, MetricTable } from './table.ts';

export type { Cell, MetricOptions, MetricTable } from './table.ts';
export { tableCsv } from './table.ts';

/** Every dashboard tabulation of the review record, in the order the dashboard shows them. */
export function allMetrics(record: ReviewRecord, options: MetricOptions): MetricTable[] {
  return [
    openByType(record),
    openByPhysician(record),
    deficienciesOverTime(record),
    physiciansOverTime(record),
    delinquency(record, options),
    daysToCompletion(record),
    queryRates(record),
    ccMccCapture(record),
    drgShifts(record),
    rulesFiredAndDismissed(record),
  ];
}
