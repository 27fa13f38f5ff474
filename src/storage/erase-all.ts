import type { ChartlintDatabase } from './db.ts';

/** Every store of the database: what "Erase all local data" empties. */
const ALL_STORES = ['dismissals', 'audit', 'settings', 'releases', 'releaseChunks', 'active', 'drgWeights', 'siteProfiles'] as const;

/**
 * Empties chartlint's database in one transaction: dismissals, the audit trail, settings, every
 * imported code-set release, the imported DRG weights and the taught site profiles. Either all of it goes or, on failure,
 * none of it. The database itself stays (open connections keep working) and the defaults apply again.
 */
export async function eraseAllLocalData(db: ChartlintDatabase): Promise<void> {
  const tx = db.transaction([...ALL_STORES], 'readwrite');
  await Promise.all([...ALL_STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
}
