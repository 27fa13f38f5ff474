/**
 * The permissions boundary of the options page, in one place. `request` opens the browser's
 * prompt, which headless browsers never answer; e2e tests replace `chrome.permissions.request`
 * in the page before clicking, and this module looks the function up at call time so the
 * replacement is the one called.
 */
import { browser } from '../shared/browser.ts';

/** Asks the user to grant access to exactly these origin patterns; true when granted. */
export function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

/** Gives up access to these origin patterns. */
export function removeOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.remove({ origins });
}

/** The origin patterns chartlint may read now (built in and granted at run time). */
export async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/** The origins the manifest grants at install: the demo EHR on the loopback addresses. */
export function builtInOrigins(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}
