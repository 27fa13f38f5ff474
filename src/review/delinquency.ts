import type { ReviewRecord } from '../storage/review-types.ts';
import { isOpenDeficiency } from './deficiencies.ts';
import { daysBetween, percent, type MetricOptions, type MetricTable } from './table.ts';

/**
 * Whole days since discharge, or null when there is no discharge date, or it was stored as
 * printed because it could not be read as a date.
 */
export function daysSinceDischarge(dischargedAt: string | undefined, now: string): number | null {
  if (dischargedAt === undefined || Number.isNaN(Date.parse(dischargedAt))) return null;
  return daysBetween(dischargedAt, now);
}

/** Whether a chart discharged at `dischargedAt` is past the limit at `now`. */
export function pastLimit(dischargedAt: string | undefined, options: MetricOptions): boolean {
  const days = daysSinceDischarge(dischargedAt, options.now);
  return days !== null && days > options.delinquencyDays;
}

/** The chart keys with at least one open deficiency. */
export function chartsWithOpenDeficiencies(record: ReviewRecord): Set<string> {
  return new Set(record.findings.filter(isOpenDeficiency).map((f) => f.chartKey));
}

/**
 * Delinquency rate: of the charts discharged more than N days ago, those still with an open
 * deficiency. Charts with no discharge date (still in house, or not read) are not counted.
 */
export function delinquency(record: ReviewRecord, options: MetricOptions): MetricTable {
  const open = chartsWithOpenDeficiencies(record);
  const past = record.charts.filter((chart) => pastLimit(chart.dischargedAt, options));
  const delinquent = past.filter((chart) => open.has(chart.chartKey)).length;
  return {
    id: 'delinquency',
    title: `Delinquency rate (incomplete more than ${options.delinquencyDays} days after discharge)`,
    columns: ['Measure', 'Delinquent charts', `Charts discharged more than ${options.delinquencyDays} days ago`, 'Rate (%)'],
    rows: [['Delinquency', delinquent, past.length, percent(delinquent, past.length)]],
  };
}
