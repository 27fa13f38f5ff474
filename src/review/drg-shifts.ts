import type { ReviewRecord } from '../storage/review-types.ts';
import type { MetricTable } from './table.ts';

/**
 * DRG shifts: per change of working MS-DRG from first seen to now, the charts and the summed
 * change of relative weight (blank when a weight is unknown, e.g. Table 5 not imported).
 */
export function drgShifts(record: ReviewRecord): MetricTable {
  const shifts = new Map<string, { from: string; to: string; charts: number; weight: number | null }>();
  for (const chart of record.charts) {
    const { drgFirst: first, drgNow: now } = chart;
    if (!first || !now || first.drg === now.drg) continue;
    const key = `${first.drg}\u0000${now.drg}`;
    const shift = shifts.get(key) ?? { from: first.drg, to: now.drg, charts: 0, weight: 0 };
    shift.charts += 1;
    shift.weight = shift.weight === null || first.weight === undefined || now.weight === undefined ? null : shift.weight + (now.weight - first.weight);
    shifts.set(key, shift);
  }
  const rows = [...shifts.values()]
    .sort((a, b) => b.charts - a.charts || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
    .map((s) => [s.from, s.to, s.charts, s.weight === null ? null : Math.round(s.weight * 10_000) / 10_000]);
  return { id: 'drg-shifts', title: 'DRG shifts (first seen to now)', columns: ['From MS-DRG', 'To MS-DRG', 'Charts', 'Weight change'], rows };
}
