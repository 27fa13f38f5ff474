/**
 * The one import of webextension-polyfill. Chrome ships `browser.*`-style promises itself and
 * the polyfill is frozen upstream, so every context gets the API from here and swapping it
 * out later is a one-file change.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
