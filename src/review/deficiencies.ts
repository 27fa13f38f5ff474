import type { ReviewRecord, ReviewedChart, ReviewedFinding } from '../storage/review-types.ts';
import { countsByKey, weekOf, type MetricTable } from './table.ts';

/**
 * A deficiency is an error- or warning-level finding (information findings are advice, not
 * something a physician must complete). It is open until a later read no longer raises it or
 * the user dismisses it.
 */
export function isDeficiency(finding: ReviewedFinding): boolean {
  return finding.severity !== 'info';
}

export function isOpenDeficiency(finding: ReviewedFinding): boolean {
  return isDeficiency(finding) && finding.resolvedAt === undefined && finding.dismissedAt === undefined;
}

export const NOT_STATED = '(not stated)';

/** Who must complete it: the finding's own clinician, else the chart's attending. */
export function assignedTo(finding: ReviewedFinding, chart: ReviewedChart | undefined): string {
  return finding.responsible?.trim() || chart?.attending?.trim() || NOT_STATED;
}

export function chartsByKey(record: ReviewRecord): Map<string, ReviewedChart> {
  return new Map(record.charts.map((chart) => [chart.chartKey, chart]));
}

/** Open deficiencies by category and rule. */
export function openByType(record: ReviewRecord): MetricTable {
  const open = record.findings.filter(isOpenDeficiency);
  const rows = countsByKey(open.map((f) => `${f.category}\u0000${f.rule}`)).map(([key, count]) => {
    const [category, rule] = key.split('\u0000');
    return [category ?? '', rule ?? '', count];
  });
  return { id: 'open-by-type', title: 'Open deficiencies by type', columns: ['Category', 'Rule', 'Open deficiencies'], rows };
}

/** Open deficiencies by the physician responsible for completing them. */
export function openByPhysician(record: ReviewRecord): MetricTable {
  const charts = chartsByKey(record);
  const open = record.findings.filter(isOpenDeficiency);
  const rows = countsByKey(open.map((f) => assignedTo(f, charts.get(f.chartKey)))).map(([who, count]) => [who, count]);
  return { id: 'open-by-physician', title: 'Open deficiencies by responsible physician', columns: ['Responsible physician', 'Open deficiencies'], rows };
}

/**
 * Per week of first sight: deficiencies found then, how many of those are still open, and the
 * found ones by category (one column per category in the record).
 */
export function deficienciesOverTime(record: ReviewRecord): MetricTable {
  const deficiencies = record.findings.filter(isDeficiency);
  const categories = [...new Set(deficiencies.map((f) => f.category))].sort();
  const weeks = new Map<string, { found: number; open: number; byCategory: Map<string, number> }>();
  for (const finding of deficiencies) {
    const week = weekOf(finding.firstSeenAt);
    const counts = weeks.get(week) ?? { found: 0, open: 0, byCategory: new Map<string, number>() };
    counts.found += 1;
    if (isOpenDeficiency(finding)) counts.open += 1;
    counts.byCategory.set(finding.category, (counts.byCategory.get(finding.category) ?? 0) + 1);
    weeks.set(week, counts);
  }
  const rows = [...weeks]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([week, { found, open, byCategory }]) => [week, found, open, ...categories.map((category) => byCategory.get(category) ?? 0)]);
  return { id: 'deficiencies-over-time', title: 'Deficiencies by week first seen', columns: ['Week of', 'Found', 'Still open', ...categories.map((c) => `Found: ${c}`)], rows };
}
