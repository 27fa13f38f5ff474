import { describe, expect, it } from 'vitest';
import { recordAudit, auditTrail } from '../../../src/storage/audit.ts';
import { importRelease, listReleases } from '../../../src/storage/codesets.ts';
import { openChartlintDb } from '../../../src/storage/db.ts';
import { dismiss, dismissalsFor } from '../../../src/storage/dismissals.ts';
import { eraseAllLocalData } from '../../../src/storage/erase-all.ts';
import { listSiteProfiles, saveSiteProfile } from '../../../src/storage/site-profiles.ts';
import { SITE_PROFILE_FORMAT, SITE_PROFILE_VERSION } from '../../../src/chart/site-profile/format.ts';
import { pruneExpired } from '../../../src/storage/retention.ts';
import { DEFAULT_USER_SETTINGS, readSettings, writeSettings } from '../../../src/storage/settings.ts';

let count = 0;
const freshDb = () => openChartlintDb(`chartlint-erase-${++count}`);

const ORDER_FILE = '00001 A000    1 Cholera due to Vibrio cholerae 01, biovar cholerae        Cholera due to Vibrio cholerae 01, biovar cholerae\r\n';

describe('eraseAllLocalData', () => {
  it('empties dismissals, audit, settings and code-set releases; the defaults apply again', async () => {
    const db = await freshDb();
    await dismiss(db, { chartKey: 'k1', fingerprint: 'f1', rule: 'document-unsigned', reason: 'done', dismissedAt: '2026-11-01T00:00:00Z' });
    await recordAudit(db, { at: '2026-11-01T00:00:00Z', action: 'submitted-despite-errors' });
    await writeSettings(db, { ...DEFAULT_USER_SETTINGS, retentionDays: 7, disabledPacks: ['coding'] });
    await importRelease(db, { system: 'icd10cm', fiscalYear: 2027, input: ORDER_FILE, source: 'order.txt' });
    expect(await listReleases(db)).toHaveLength(1);
    await saveSiteProfile(db, { format: SITE_PROFILE_FORMAT, version: SITE_PROFILE_VERSION, origin: 'https://ehr.example.test', updatedAt: '2026-11-01T00:00:00Z', patient: { name: '#banner .name' } });

    await eraseAllLocalData(db);

    expect((await dismissalsFor(db, 'k1')).size).toBe(0);
    expect(await auditTrail(db)).toEqual([]);
    expect(await readSettings(db)).toEqual(DEFAULT_USER_SETTINGS);
    expect(await listReleases(db)).toEqual([]);
    expect(await db.count('releaseChunks')).toBe(0);
    expect(await db.get('active', 'icd10cm')).toBeUndefined();
    expect(await listSiteProfiles(db)).toEqual([]);
    // The connection still works after the erase.
    await recordAudit(db, { at: '2026-11-02T00:00:00Z', action: 'finding-shown' });
    expect(await auditTrail(db)).toHaveLength(1);
    db.close();
  });
});

describe('pruneExpired', () => {
  it('deletes audit events and dismissals older than the retention period, keeps the rest', async () => {
    const db = await freshDb();
    const now = new Date('2026-11-24T12:00:00Z');
    await recordAudit(db, { at: '2026-10-01T00:00:00Z', action: 'old' });
    await recordAudit(db, { at: '2026-11-20T00:00:00Z', action: 'recent' });
    await dismiss(db, { chartKey: 'k', fingerprint: 'old', rule: 'r', reason: 'x', dismissedAt: '2026-09-30T00:00:00Z' });
    await dismiss(db, { chartKey: 'k', fingerprint: 'new', rule: 'r', reason: 'x', dismissedAt: '2026-11-23T00:00:00Z' });

    // dismiss() also writes audit events (dated by their dismissal), so 4 audit rows, 2 old.
    expect(await pruneExpired(db, 30, now)).toEqual({ audit: 2, dismissals: 1, reviewCharts: 0, reviewFindings: 0 });
    expect((await auditTrail(db)).map((r) => r.action)).toEqual(['recent', 'finding-dismissed']);
    expect([...(await dismissalsFor(db, 'k')).keys()]).toEqual(['new']);
    db.close();
  });

  it('keeps everything when the retention is 0', async () => {
    const db = await freshDb();
    await recordAudit(db, { at: '2000-01-01T00:00:00Z', action: 'ancient' });
    expect(await pruneExpired(db, 0)).toEqual({ audit: 0, dismissals: 0, reviewCharts: 0, reviewFindings: 0 });
    expect(await auditTrail(db)).toHaveLength(1);
    db.close();
  });
});
