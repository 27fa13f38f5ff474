import { browser } from '../shared/browser.ts';

const SCRIPT_ID = 'chartlint-enabled-sites';

/**
 * Sites the user enabled at run time (optional host permissions) get the same content script
 * as the built-in demo origins. The registration follows the granted permissions, so revoking
 * a site in the browser's own UI also stops chartlint reading it.
 */
export async function syncEnabledSites(): Promise<void> {
  const manifest = browser.runtime.getManifest();
  const builtIn = new Set(manifest.host_permissions ?? []);
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const enabled = granted.filter((origin) => !builtIn.has(origin));
  const js = manifest.content_scripts?.[0]?.js ?? [];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (enabled.length === 0 || js.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: enabled, js, allFrames: true, matchOriginAsFallback: true, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

export function keepEnabledSitesInSync(): void {
  const sync = () => {
    syncEnabledSites().catch((error: unknown) => console.warn('chartlint: could not update enabled sites', error));
  };
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
}
