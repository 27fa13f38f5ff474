import type { ReviewRecord } from '../storage/review-types.ts';
import { isDeficiency } from './deficiencies.ts';
import { fractionalDays, median, type MetricTable } from './table.ts';

/** Median days from first seen to resolved, per category and over all, for completed deficiencies. */
export function daysToCompletion(record: ReviewRecord): MetricTable {
  const byCategory = new Map<string, number[]>();
  const all: number[] = [];
  for (const finding of record.findings) {
    if (!isDeficiency(finding) || finding.resolvedAt === undefined) continue;
    const days = fractionalDays(finding.firstSeenAt, finding.resolvedAt);
    all.push(days);
    byCategory.set(finding.category, [...(byCategory.get(finding.category) ?? []), days]);
  }
  const rows = [...byCategory].sort((a, b) => a[0].localeCompare(b[0])).map(([category, days]) => [category, days.length, median(days)]);
  return {
    id: 'days-to-completion',
    title: 'Median days to completion (first seen to resolved)',
    columns: ['Category', 'Completed deficiencies', 'Median days'],
    rows: all.length === 0 ? [] : [['All', all.length, median(all)], ...rows],
  };
}
