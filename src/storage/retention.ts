import type { ChartlintDatabase } from './db.ts';

const DAY_MS = 86_400_000;

/**
 * Deletes audit events and dismissals older than `retentionDays` (0 keeps everything until the
 * user erases it). Returns how many records went, for the caller's log.
 */
export async function pruneExpired(db: ChartlintDatabase, retentionDays: number, now = new Date()): Promise<{ audit: number; dismissals: number }> {
  if (!(retentionDays > 0)) return { audit: 0, dismissals: 0 };
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
  return { audit: oldAudit.length, dismissals: removed };
}
