import { describe, expect, it } from 'vitest';
import type { SiteProfile } from '../../../src/chart/site-profile/format.ts';
import { DB_VERSION, openChartlintDb } from '../../../src/storage/db.ts';
import { deleteSiteProfile, listSiteProfiles, saveSiteProfile, siteProfileFor } from '../../../src/storage/site-profiles.ts';
import { openShippedDatabase } from './shipped-database.ts';

const profile = (origin: string): SiteProfile => ({
  format: 'chartlint-site-profile',
  version: 1,
  origin,
  updatedAt: '2026-12-07T02:00:00Z',
  patient: { name: 'span.name' },
  documents: { container: 'main > article.card', status: ':scope > h2 > span.pill' },
});

describe('site profiles in IndexedDB', () => {
  it('keeps one profile per origin: save, replace, list, delete', async () => {
    const db = await openChartlintDb(`profiles-${Math.random()}`);
    await saveSiteProfile(db, profile('http://b.test'));
    await saveSiteProfile(db, profile('http://a.test'));
    await saveSiteProfile(db, { ...profile('http://a.test'), patient: { name: 'h1.patient' } });
    expect((await listSiteProfiles(db)).map((p) => p.origin)).toEqual(['http://a.test', 'http://b.test']);
    expect((await siteProfileFor(db, 'http://a.test'))?.patient?.name).toBe('h1.patient');
    await deleteSiteProfile(db, 'http://a.test');
    expect(await siteProfileFor(db, 'http://a.test')).toBeUndefined();
    expect(await siteProfileFor(db, 'http://b.test')).toEqual(profile('http://b.test'));
    db.close();
  });

  it('treats a stored record that no longer fits the format as absent', async () => {
    const db = await openChartlintDb(`profiles-${Math.random()}`);
    await db.put('siteProfiles', { ...profile('http://c.test'), version: 7 } as unknown as SiteProfile);
    expect(await siteProfileFor(db, 'http://c.test')).toBeUndefined();
    db.close();
  });

  it('migrates a version 1 database: adds the siteProfiles store and keeps what was stored', async () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    const name = `profiles-migrate-${Math.random()}`;
    // The database as chartlint 1 left it: its stores and a dismissal in them.
    const v1 = await openShippedDatabase(name, 1);
    await v1.put('dismissals', { chartKey: 'k', fingerprint: 'f', rule: 'r', reason: 'x', dismissedAt: '2026-11-01T00:00:00Z' });
    v1.close();

    const db = await openChartlintDb(name);
    expect([...db.objectStoreNames]).toContain('siteProfiles');
    expect(await db.get('dismissals', ['k', 'f'])).toMatchObject({ reason: 'x' });
    await saveSiteProfile(db, profile('http://d.test'));
    expect(await siteProfileFor(db, 'http://d.test')).toEqual(profile('http://d.test'));
    db.close();
  });
});
