import type { ChartlintDatabase } from './db.ts';
import type { ReviewedChart, ReviewedDrg, ReviewedFinding } from './review-types.ts';

/** What one read says about a chart; the times and DRG history are the record's to keep. */
export type ChartFacts = Omit<ReviewedChart, 'firstSeenAt' | 'lastSeenAt' | 'drgFirst' | 'drgNow'>;

/** What one read says about a finding; first-seen, resolution and dismissal are the record's. */
export type FindingFacts = Omit<ReviewedFinding, 'firstSeenAt' | 'lastSeenAt' | 'resolvedAt' | 'dismissedAt' | 'dismissReason' | 'dismissedBy' | 'seenOn'>;

export interface ReadFacts {
  /** The page address (or batch file) the read was of, without its fragment. */
  page?: string;
  /** Whether the read left nothing unread (coverage.complete): only then can absence mean "fixed". */
  readComplete: boolean;
  drg?: ReviewedDrg;
  now: string;
  /**
   * "pack/rule" of the rules that ran. A finding of a rule that did not (its pack switched off)
   * is not raised whatever the chart says, so its absence resolves nothing. Absent: all ran.
   */
  rulesRun?: ReadonlySet<string>;
}

export interface ChartReviewCounts {
  raised: number;
  /** Raised for the first time on this chart. */
  added: number;
  resolved: number;
}

/** What names the patient: it follows the latest read exactly, so switching to hashing drops it. */
const IDENTIFIERS = ['patientName', 'mrn', 'title'] as const;

/**
 * Writes one read of one chart into the review record, in one transaction: the chart row
 * (values a read did not give keep the earlier read's), every finding raised (first seen kept,
 * last seen now, a resolution taken back), and the resolution of those no longer raised.
 *
 * A finding missing from a read is resolved only when that read was complete and of the page
 * that raised it. A partial read (text not assigned to any document, a budget cut, a signature
 * status not readable) may have missed the very document the finding is about, and calling that
 * "fixed" would clear a deficiency nobody completed. Another page of the same chart (an
 * abstracting screen beside the notes) shows another part of it, so it cannot judge either.
 */
export async function writeChartReview(db: ChartlintDatabase, chart: ChartFacts, findings: readonly FindingFacts[], read: ReadFacts): Promise<ChartReviewCounts> {
  const { now } = read;
  const tx = db.transaction(['reviewCharts', 'reviewFindings'], 'readwrite');
  const charts = tx.objectStore('reviewCharts');
  const previous = await charts.get(chart.chartKey);
  const next: ReviewedChart = { ...previous, ...definedOnly(chart), firstSeenAt: previous?.firstSeenAt ?? now, lastSeenAt: now, readComplete: read.readComplete };
  for (const key of IDENTIFIERS) {
    if (chart[key] === undefined) delete next[key];
  }
  const drgFirst = previous?.drgFirst ?? read.drg;
  const drgNow = read.drg ?? previous?.drgNow;
  if (drgFirst) next.drgFirst = drgFirst;
  if (drgNow) next.drgNow = drgNow;
  await charts.put(next);

  const store = tx.objectStore('reviewFindings');
  const counts: ChartReviewCounts = { raised: findings.length, added: 0, resolved: 0 };
  const raised = new Set<string>();
  for (const finding of findings) {
    raised.add(finding.fingerprint);
    const before = await store.get([chart.chartKey, finding.fingerprint]);
    if (!before) counts.added++;
    const row: ReviewedFinding = { ...before, ...definedOnly(finding), chartKey: chart.chartKey, firstSeenAt: before?.firstSeenAt ?? now, lastSeenAt: now };
    if (read.page !== undefined) row.seenOn = read.page;
    // Raised again: whatever resolved it has been undone on the chart.
    delete row.resolvedAt;
    await store.put(row);
  }
  if (read.readComplete) {
    for (const row of await store.index('by-chart').getAll(chart.chartKey)) {
      if (raised.has(row.fingerprint) || row.resolvedAt !== undefined || row.seenOn !== read.page) continue;
      if (read.rulesRun && !read.rulesRun.has(`${row.pack}/${row.rule}`)) continue;
      await store.put({ ...row, resolvedAt: now });
      counts.resolved++;
    }
  }
  await tx.done;
  return counts;
}

/** The page address a finding is tied to: the fragment is a place on the page, not another page. */
export function pageOf(url: string | undefined): string | undefined {
  return url?.split('#')[0];
}

/** The value without its undefined members, so spreading it keeps what an earlier read gave. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
