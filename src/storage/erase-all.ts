import type { ChartlintDatabase } from './db.ts';

/**
 * Empties every store of chartlint's database in one transaction: dismissals, the audit trail,
 * settings, every imported code-set release, the imported DRG weights, the taught site profiles
 * and the review record. The stores are the database's own, so a store a later version adds is
 * erased too. Either all of it goes or, on failure, none of it. The database itself stays (open
 * connections keep working) and the defaults apply again.
 */
export async function eraseAllLocalData(db: ChartlintDatabase): Promise<void> {
  const stores = [...db.objectStoreNames];
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done]);
}
