import type { ReviewRecord } from '../storage/review-types.ts';
import { percent, type MetricTable } from './table.ts';

/**
 * Query rate (charts with a query / charts reviewed), response rate (queries with an answer /
 * queries no longer pending) and agreement rate (agreed / queries with an answer).
 */
export function queryRates(record: ReviewRecord): MetricTable {
  const withQuery = new Set(record.queries.map((q) => q.chartKey)).size;
  const answered = record.queries.filter((q) => q.outcome === 'answered' || q.outcome === 'agreed' || q.outcome === 'declined').length;
  const pastPending = record.queries.filter((q) => q.outcome !== 'pending').length;
  const agreed = record.queries.filter((q) => q.outcome === 'agreed').length;
  const reviewed = record.charts.length;
  return {
    id: 'query-rates',
    title: 'Query, response and agreement rates',
    columns: ['Measure', 'Numerator', 'Denominator', 'Rate (%)'],
    rows: [
      ['Query rate (charts with a query / charts reviewed)', withQuery, reviewed, percent(withQuery, reviewed)],
      ['Response rate (answered / queries past pending)', answered, pastPending, percent(answered, pastPending)],
      ['Agreement rate (agreed / answered)', agreed, answered, percent(agreed, answered)],
    ],
  };
}
