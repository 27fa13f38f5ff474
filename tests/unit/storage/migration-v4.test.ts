import { describe, expect, it } from 'vitest';
import { DB_VERSION, openChartlintDb } from '../../../src/storage/db.ts';
import { readReviewRecord } from '../../../src/storage/review-record.ts';
import { openShippedDatabase } from './shipped-database.ts';

/** A database as chartlint 3 left it, a record in every store. */
async function versionThreeDatabase(name: string) {
  const v3 = await openShippedDatabase(name, 3);
  await v3.put('releases', { id: 'icd10cm:2027:t', system: 'icd10cm', fiscalYear: 2027, status: 'ready' });
  await v3.put('releaseChunks', { releaseId: 'icd10cm:2027:t', field: 'codes', index: 0, values: ['A000'] });
  await v3.put('active', { system: 'icd10cm', releaseId: 'icd10cm:2027:t', activatedAt: '2026-10-01T00:00:00Z' });
  await v3.put('settings', { key: 'user', value: { retentionDays: 90 } });
  await v3.put('dismissals', { chartKey: 'k', fingerprint: 'f', rule: 'document-unsigned', reason: 'done', dismissedAt: '2026-11-01T00:00:00Z' });
  await v3.add('audit', { at: '2026-11-01T00:00:00Z', action: 'finding-dismissed', rule: 'document-unsigned' });
  await v3.put('siteProfiles', { origin: 'https://ehr.example.test', kept: true });
  await v3.put('drgWeights', { id: 'current', fiscalYear: 2027, weights: { '194': 1.0 } });
  v3.close();
}

describe('migration from version 3 to 4', () => {
  it('keeps every record of every version-3 store, their indexes, and adds the review-record stores', async () => {
    expect(DB_VERSION).toBe(4);
    const name = `chartlint-migrate-v4-${Math.random()}`;
    await versionThreeDatabase(name);

    const db = await openChartlintDb(name);
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(
      ['active', 'audit', 'codeDecisions', 'dismissals', 'drgWeights', 'releaseChunks', 'releases', 'reviewCharts', 'reviewFindings', 'reviewQueries', 'settings', 'siteProfiles'].sort(),
    );
    expect(await db.getAllFromIndex('releases', 'by-system', 'icd10cm')).toMatchObject([{ fiscalYear: 2027, status: 'ready' }]);
    expect(await db.getAllFromIndex('releaseChunks', 'by-release', 'icd10cm:2027:t')).toMatchObject([{ values: ['A000'] }]);
    expect(await db.get('active', 'icd10cm')).toMatchObject({ releaseId: 'icd10cm:2027:t' });
    expect(await db.get('settings', 'user')).toMatchObject({ value: { retentionDays: 90 } });
    expect(await db.getAllFromIndex('dismissals', 'by-chart', 'k')).toMatchObject([{ reason: 'done' }]);
    expect(await db.getAllFromIndex('audit', 'by-time')).toMatchObject([{ id: 1, action: 'finding-dismissed' }]);
    expect(await db.get('siteProfiles', 'https://ehr.example.test')).toMatchObject({ kept: true });
    expect(await db.get('drgWeights', 'current')).toMatchObject({ weights: { '194': 1.0 } });
    // An audit event added after the migration continues the old numbering.
    expect(await db.add('audit', { at: '2026-11-02T00:00:00Z', action: 'x' })).toBe(2);

    expect(await readReviewRecord(db)).toEqual({ charts: [], findings: [], queries: [], codeDecisions: [] });
    const tx = db.transaction(['reviewCharts', 'reviewFindings', 'reviewQueries', 'codeDecisions']);
    expect([...tx.objectStore('reviewCharts').indexNames].sort()).toEqual(['by-discharge', 'by-last-seen']);
    expect([...tx.objectStore('reviewFindings').indexNames].sort()).toEqual(['by-chart', 'by-first-seen', 'by-rule']);
    expect(tx.objectStore('reviewFindings').keyPath).toEqual(['chartKey', 'fingerprint']);
    expect(tx.objectStore('reviewQueries').autoIncrement).toBe(true);
    expect([...tx.objectStore('codeDecisions').indexNames]).toEqual(['by-chart']);
    await tx.done;
    db.close();
  });
});
