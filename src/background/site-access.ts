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

/**
 * Whether chartlint may read pages at this URL now: a built-in origin, or a site the user
 * enabled and has not revoked. A page opened before a revoke keeps its content script until it
 * is reloaded; the worker stops listening to it at once.
 */
export async function mayRead(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  try {
    const { origin, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    return await browser.permissions.contains({ origins: [`${origin}/*`] });
  } catch {
    return false;
  }
}
