import { describe, expect, it } from 'vitest';
import { DB_VERSION, openChartlintDb } from '../../../src/storage/db.ts';
import { asDrgWeights, deleteDrgWeights, getDrgWeights, saveDrgWeights, setBaseRate } from '../../../src/storage/drg-weights.ts';
import { eraseAllLocalData } from '../../../src/storage/erase-all.ts';
import { openShippedDatabase } from './shipped-database.ts';

const table = { source: 'table5.csv', fiscalYear: 2026, importedAt: '2026-12-07T02:00:00Z', weights: [[291, 1.2631], [293, 0.6117]] as [number, number][] };

describe('DRG weights in IndexedDB', () => {
  it('keeps one imported table, its base rate across a re-import, and forgets it on delete', async () => {
    const db = await openChartlintDb(`weights-${Math.random()}`);
    expect(await getDrgWeights(db)).toBeUndefined();
    await setBaseRate(db, 6000); // no table yet: nothing to attach it to
    expect(await getDrgWeights(db)).toBeUndefined();
    await saveDrgWeights(db, table);
    await setBaseRate(db, 6500.5);
    await saveDrgWeights(db, { ...table, importedAt: '2026-12-08T00:00:00Z' });
    const stored = await getDrgWeights(db);
    expect(stored).toMatchObject({ id: 'current', importedAt: '2026-12-08T00:00:00Z', baseRate: 6500.5 });
    expect(asDrgWeights(stored!)).toEqual({ source: 'table5.csv (FY 2026)', weights: new Map([[291, 1.2631], [293, 0.6117]]), baseRate: 6500.5 });
    await setBaseRate(db, undefined);
    expect((await getDrgWeights(db))?.baseRate).toBeUndefined();
    await deleteDrgWeights(db);
    expect(await getDrgWeights(db)).toBeUndefined();
    db.close();
  });

  it('goes with "Erase all local data"', async () => {
    const db = await openChartlintDb(`weights-${Math.random()}`);
    await saveDrgWeights(db, table);
    await eraseAllLocalData(db);
    expect(await getDrgWeights(db)).toBeUndefined();
    db.close();
  });

  it('migrates a version 2 database: adds the drgWeights store and keeps what was stored', async () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    const name = `weights-migrate-${Math.random()}`;
    // The database as chartlint left it at version 2: its stores, a dismissal and a site profile in them.
    const v2 = await openShippedDatabase(name, 2);
    await v2.put('dismissals', { chartKey: 'k', fingerprint: 'f', rule: 'r', reason: 'x', dismissedAt: '2026-11-01T00:00:00Z' });
    await v2.put('siteProfiles', { origin: 'http://a.test', kept: true });
    v2.close();

    const db = await openChartlintDb(name);
    expect([...db.objectStoreNames]).toContain('drgWeights');
    expect(await db.get('dismissals', ['k', 'f'])).toMatchObject({ reason: 'x' });
    expect(await db.get('siteProfiles', 'http://a.test')).toMatchObject({ kept: true });
    await saveDrgWeights(db, table);
    expect((await getDrgWeights(db))?.weights).toEqual(table.weights);
    db.close();
  });
});
