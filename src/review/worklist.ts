import type { ReviewRecord, ReviewedChart } from '../storage/review-types.ts';
import { chartsByKey, isOpenDeficiency, assignedTo } from './deficiencies.ts';
import { daysSinceDischarge, pastLimit } from './delinquency.ts';
import { countsByKey, daysBetween, type MetricOptions } from './table.ts';

/** One chart with open deficiencies, as the worklist shows it. */
export interface WorklistRow {
  chartKey: string;
  /** The patient as stored (name, MRN) when the privacy setting kept them, else the chart key. */
  label: string;
  encounter: string;
  dischargedAt?: string;
  daysSinceDischarge: number | null;
  /** Open deficiencies by category, most first. */
  openByType: [string, number][];
  openCount: number;
  responsible: string[];
  /** Days since the oldest open deficiency was first seen. */
  oldestDaysOpen: number;
  delinquent: boolean;
  /** Where to reopen the chart: its page, or for a batch-imported chart the file it came from. */
  url?: string;
  /** A batch-imported chart's audited file, and the import it came in. */
  file?: string;
  importName?: string;
  readComplete?: boolean;
}

/** How a chart is named: its stored name and MRN, else (identifiers hashed) the start of its key, enough to tell charts apart. */
export function chartLabel(chart: Pick<ReviewedChart, 'chartKey' | 'patientName' | 'mrn'>): string {
  const parts = [chart.patientName, chart.mrn ? `MRN ${chart.mrn}` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : `Chart ${chart.chartKey.slice(0, 10)}`;
}

function encounterOf(chart: ReviewedChart | undefined): string {
  return [chart?.encounterClass, chart?.encounterId].filter(Boolean).join(' ');
}

/** The worklist: one row per chart with an open deficiency. */
export function worklistRows(record: ReviewRecord, options: MetricOptions): WorklistRow[] {
  const charts = chartsByKey(record);
  const openByChart = new Map<string, typeof record.findings>();
  for (const finding of record.findings.filter(isOpenDeficiency)) {
    const open = openByChart.get(finding.chartKey);
    if (open) open.push(finding);
    else openByChart.set(finding.chartKey, [finding]);
  }
  return [...openByChart].map(([chartKey, open]) => {
    const chart = charts.get(chartKey);
    const oldest = open.map((f) => f.firstSeenAt).sort()[0]!;
    return {
      chartKey,
      label: chartLabel(chart ?? { chartKey }),
      encounter: encounterOf(chart),
      ...(chart?.dischargedAt ? { dischargedAt: chart.dischargedAt } : {}),
      daysSinceDischarge: daysSinceDischarge(chart?.dischargedAt, options.now),
      openByType: countsByKey(open.map((f) => f.category)),
      openCount: open.length,
      responsible: [...new Set(open.map((f) => assignedTo(f, chart)))].sort(),
      oldestDaysOpen: daysBetween(oldest, options.now),
      delinquent: pastLimit(chart?.dischargedAt, options),
      ...(chart?.url ? { url: chart.url } : {}),
      ...(chart?.source === 'batch-import' && chart.title ? { file: chart.title } : {}),
      ...(chart?.importName ? { importName: chart.importName } : {}),
      ...(chart?.readComplete !== undefined ? { readComplete: chart.readComplete } : {}),
    };
  });
}

export interface WorklistFilter {
  /** A deficiency category; '' for all. */
  type: string;
  /** A responsible physician; '' for all. */
  physician: string;
}

export function filterRows(rows: readonly WorklistRow[], filter: WorklistFilter): WorklistRow[] {
  return rows.filter(
    (row) => (filter.type === '' || row.openByType.some(([type]) => type === filter.type)) && (filter.physician === '' || row.responsible.includes(filter.physician)),
  );
}

export type SortKey = 'label' | 'encounter' | 'dischargedAt' | 'daysSinceDischarge' | 'openCount' | 'responsible' | 'oldestDaysOpen' | 'types';
export interface WorklistSort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

function sortValue(row: WorklistRow, key: SortKey): string | number {
  switch (key) {
    case 'label':
      return row.label;
    case 'encounter':
      return row.encounter;
    case 'dischargedAt':
      return row.dischargedAt ?? '';
    case 'responsible':
      return row.responsible.join(', ');
    case 'types':
      // By the chart's most frequent type, then the next ones.
      return row.openByType.map(([type]) => type).join(', ');
    case 'daysSinceDischarge':
      return row.daysSinceDischarge ?? -1;
    case 'openCount':
      return row.openCount;
    case 'oldestDaysOpen':
      return row.oldestDaysOpen;
  }
}

/** Sorted by one column; ties by chart key, so the order never jumps between renders. */
export function sortRows(rows: readonly WorklistRow[], sort: WorklistSort): WorklistRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.chartKey.localeCompare(b.chartKey);
  });
}

/** The choices of the two filters: every type and physician on the list. */
export function filterChoices(rows: readonly WorklistRow[]): { types: string[]; physicians: string[] } {
  return {
    types: [...new Set(rows.flatMap((row) => row.openByType.map(([type]) => type)))].sort(),
    physicians: [...new Set(rows.flatMap((row) => row.responsible))].sort(),
  };
}
