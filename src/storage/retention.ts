import type { ChartlintDatabase } from './db.ts';

const DAY_MS = 86_400_000;

export interface PrunedCounts {
  audit: number;
  dismissals: number;
  /** Review-record charts not seen within the period, with their findings, queries and code decisions. */
  reviewCharts: number;
  /** Findings not raised within the period (on charts gone, or on charts still seen). */
  reviewFindings: number;
}

/**
 * Deletes audit events, dismissals and review records older than `retentionDays` (0 keeps
 * everything until the user erases it). Returns how many records went, for the caller's log.
 */
export async function pruneExpired(db: ChartlintDatabase, retentionDays: number, now = new Date()): Promise<PrunedCounts> {
  if (!(retentionDays > 0)) return { audit: 0, dismissals: 0, reviewCharts: 0, reviewFindings: 0 };
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const tx = db.transaction(['audit', 'dismissals'], 'readwrite');
  const audit = tx.objectStore('audit');
  const oldAudit = await audit.index('by-time').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
  for (const key of oldAudit) await audit.delete(key);
  const dismissals = tx.objectStore('dismissals');
  let removed = 0;
  // Dismissals have no time index (db.ts is shared); they are few, so a scan is cheap.
  for (let cursor = await dismissals.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.dismissedAt < cutoff) {
      await cursor.delete();
      removed++;
    }
  }
  await tx.done;
  return { audit: oldAudit.length, dismissals: removed, ...(await pruneReviewRecord(db, cutoff)) };
}

/**
 * A chart last seen before the cutoff goes with everything recorded about it; on a chart still
 * seen, findings last raised before the cutoff go (their queries and code decisions stay with
 * the chart, which is what the dashboard counts them against).
 */
async function pruneReviewRecord(db: ChartlintDatabase, cutoff: string): Promise<{ reviewCharts: number; reviewFindings: number }> {
  const tx = db.transaction(['reviewCharts', 'reviewFindings', 'reviewQueries', 'codeDecisions'], 'readwrite');
  const charts = tx.objectStore('reviewCharts');
  const findings = tx.objectStore('reviewFindings');
  const oldCharts = await charts.index('by-last-seen').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
  let findingsRemoved = 0;
  for (const chartKey of oldCharts) {
    await charts.delete(chartKey);
    for (const key of await findings.index('by-chart').getAllKeys(chartKey)) {
      await findings.delete(key);
      findingsRemoved++;
    }
    for (const store of ['reviewQueries', 'codeDecisions'] as const) {
      const records = tx.objectStore(store);
      for (const key of await records.index('by-chart').getAllKeys(chartKey)) await records.delete(key);
    }
  }
  // Findings have no last-seen index (a chart holds few); a scan of what is left is cheap.
  for (let cursor = await findings.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.lastSeenAt < cutoff) {
      await cursor.delete();
      findingsRemoved++;
    }
  }
  await tx.done;
  return { reviewCharts: oldCharts.length, reviewFindings: findingsRemoved };
}
