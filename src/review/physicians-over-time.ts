import type { ReviewRecord } from '../storage/review-types.ts';
import { assignedTo, chartsByKey, isOpenDeficiency } from './deficiencies.ts';
import { countsByKey, weekOf, type MetricTable } from './table.ts';

/** How many physicians get a column of their own; the rest are summed as "Others". */
export const PHYSICIAN_COLUMNS = 5;
const OTHERS = 'Others';

/**
 * Open deficiencies per week first seen, for the physicians with the most open: whose
 * backlog is old and whose is new.
 */
export function physiciansOverTime(record: ReviewRecord): MetricTable {
  const charts = chartsByKey(record);
  const open = record.findings.filter(isOpenDeficiency).map((f) => ({ week: weekOf(f.firstSeenAt), who: assignedTo(f, charts.get(f.chartKey)) }));
  const ranked = countsByKey(open.map((o) => o.who)).map(([who]) => who);
  const named = ranked.slice(0, PHYSICIAN_COLUMNS);
  const columns = ranked.length > PHYSICIAN_COLUMNS ? [...named, OTHERS] : named;
  const weeks = new Map<string, Map<string, number>>();
  for (const { week, who } of open) {
    const column = named.includes(who) ? who : OTHERS;
    const counts = weeks.get(week) ?? new Map<string, number>();
    counts.set(column, (counts.get(column) ?? 0) + 1);
    weeks.set(week, counts);
  }
  const rows = [...weeks].sort((a, b) => a[0].localeCompare(b[0])).map(([week, counts]) => [week, ...columns.map((c) => counts.get(c) ?? 0)]);
  return { id: 'physicians-over-time', title: 'Open deficiencies by physician and week first seen', columns: ['Week of', ...columns], rows };
}
