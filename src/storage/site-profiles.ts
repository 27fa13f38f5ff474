import type { SiteProfile } from '../chart/site-profile/format.ts';
import { checkSiteProfile } from '../chart/site-profile/validate.ts';
import type { ChartlintDatabase } from './db.ts';

/**
 * The site profiles users taught, one per origin. A stored record is checked again when read:
 * one that no longer fits the format (written by another version) is treated as absent, so a
 * page is then read by the generic reader rather than by a profile chartlint cannot trust.
 */
export async function siteProfileFor(db: ChartlintDatabase, origin: string): Promise<SiteProfile | undefined> {
  const stored = await db.get('siteProfiles', origin);
  if (!stored) return undefined;
  const check = checkSiteProfile(stored);
  return check.ok ? check.profile : undefined;
}

/** Every stored profile, by origin. */
export async function listSiteProfiles(db: ChartlintDatabase): Promise<SiteProfile[]> {
  return (await db.getAll('siteProfiles')).sort((a, b) => a.origin.localeCompare(b.origin));
}

/** Saves (or replaces) the profile of its origin. */
export async function saveSiteProfile(db: ChartlintDatabase, profile: SiteProfile): Promise<void> {
  await db.put('siteProfiles', profile);
}

export async function deleteSiteProfile(db: ChartlintDatabase, origin: string): Promise<void> {
  await db.delete('siteProfiles', origin);
}
