import { useEffect, useState } from 'preact/hooks';
import { fieldLabel, type ProfileField, type SiteProfile } from '../chart/site-profile/format.ts';
import { parseSiteProfile, selectorsOf, type ProfileProblem } from '../chart/site-profile/validate.ts';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';
import { database } from '../storage/database.ts';
import { deleteSiteProfile, listSiteProfiles, saveSiteProfile } from '../storage/site-profiles.ts';

/**
 * The site profiles users taught from the panel: what each names, export as JSON (to share a
 * profile with colleagues on the same EHR), import a file (checked field by field, nothing
 * stored unless it is valid), delete.
 */
export function SiteProfiles() {
  const [profiles, setProfiles] = useState<SiteProfile[]>();
  const [problems, setProblems] = useState<ProfileProblem[]>([]);
  const [status, setStatus] = useState('');

  const refresh = async () => setProfiles(await listSiteProfiles(await database()));
  useEffect(() => {
    refresh().catch((error: unknown) => setStatus(`Could not read the site profiles: ${(error as Error).message}`));
  }, []);

  const changed = (origin: string) =>
    browser.runtime.sendMessage({ type: 'panel-bg-site-profile-changed', origin } satisfies Message).catch(() => {
      // The worker is starting: it reads the profile from the database when a page asks.
    });

  const importFile = async (file: File) => {
    setProblems([]);
    const check = parseSiteProfile(await file.text(), isSelector);
    if (!check.ok) {
      setProblems(check.problems);
      setStatus(`${file.name} was not imported: ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'} below.`);
      return;
    }
    const replaces = profiles?.some((p) => p.origin === check.profile.origin) ?? false;
    await saveSiteProfile(await database(), check.profile);
    await changed(check.profile.origin);
    await refresh();
    setStatus(`Imported the site profile for ${check.profile.origin}${replaces ? ' (it replaces the one before)' : ''}.`);
  };

  const remove = async (origin: string) => {
    await deleteSiteProfile(await database(), origin);
    await changed(origin);
    await refresh();
    setStatus(`Deleted the site profile for ${origin}: its pages are read by the generic reader again.`);
  };

  return (
    <section aria-labelledby="profiles-heading" class="options-section">
      <h2 id="profiles-heading">Site profiles</h2>
      <p class="muted">
        What you showed chartlint on an EHR’s page (“Teach chartlint this page” in the panel): which element holds the patient’s name, a note’s status, and so on. Profiles hold selectors only, never chart text.
      </p>
      {profiles === undefined && <p class="state">Loading…</p>}
      {profiles?.length === 0 && <p class="muted">None yet.</p>}
      <ul class="chart-items" data-testid="site-profiles">
        {profiles?.map((profile) => (
          <li key={profile.origin} data-profile-origin={profile.origin}>
            <strong>{profile.origin}</strong> <span class="muted">taught {profile.updatedAt.slice(0, 10)}: {taughtFields(profile)}</span>{' '}
            <button type="button" onClick={() => exportProfile(profile)} aria-label={`Export the site profile for ${profile.origin}`}>Export</button>{' '}
            <button type="button" class="danger" onClick={() => void remove(profile.origin)} aria-label={`Delete the site profile for ${profile.origin}`}>Delete</button>
            <details>
              <summary>Selectors</summary>
              <ul>
                {selectorsOf(profile).map(([field, selector]) => (
                  <li key={field}><code>{field}</code>: <code>{selector}</code></li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      <div class="field">
        <label for="profile-import">Import a site profile (.json)</label>
        <input id="profile-import" type="file" accept=".json,application/json" onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) importFile(file).catch((error: unknown) => setStatus(`Could not import ${file.name}: ${(error as Error).message}`));
        }} />
      </div>
      {status && <p role="status" data-testid="profile-status">{status}</p>}
      {problems.length > 0 && (
        <ul class="pack-problems" data-testid="profile-problems" aria-label="Problems in the chosen file">
          {problems.map((problem, i) => (
            <li key={i}>{problem.field ? <><code>{problem.field}</code>: </> : null}{problem.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The browser's own selector parser decides what a valid selector is. */
function isSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function taughtFields(profile: SiteProfile): string {
  const names: (ProfileField | 'document.container')[] = [];
  for (const key of ['name', 'mrn', 'dob'] as const) if (profile.patient?.[key]) names.push(`patient.${key}`);
  if (profile.documents) names.push('document.container');
  for (const key of ['title', 'author', 'status', 'signedAt'] as const) if (profile.documents?.[key]) names.push(`document.${key}`);
  if (profile.orderTable) names.push('orderTable');
  if (profile.codeGrid) names.push('codeGrid');
  return names.map(fieldLabel).join(', ');
}

/** Saves the profile as a file, `chartlint-profile-<host>.json`. */
function exportProfile(profile: SiteProfile): void {
  const blob = new Blob([`${JSON.stringify(profile, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `chartlint-profile-${new URL(profile.origin).host.replace(/[^\w.-]+/g, '_')}.json`;
  link.click();
  // After the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
