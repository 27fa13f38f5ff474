import { pruneExpired } from '../storage/retention.ts';
import { readSettings } from '../storage/settings.ts';
import { database } from '../storage/database.ts';

/**
 * Applies the user's retention period (options page → Data): audit events and dismissals older
 * than it are deleted. Run when the worker starts and after each change of settings; cheap,
 * since the audit trail is read through its time index.
 */
export async function applyRetention(now = new Date()): Promise<void> {
  try {
    const db = await database();
    const { retentionDays } = await readSettings(db);
    await pruneExpired(db, retentionDays, now);
  } catch (error) {
    console.warn('chartlint: could not apply the retention period', error);
  }
}
