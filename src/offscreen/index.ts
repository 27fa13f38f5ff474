/**
 * The offscreen document (Chrome): reads the charts of pages too large to read on their own
 * main thread, which would block the EHR (issue 15). The worker creates it and forwards each
 * page's markup here (src/background/markup-reading.ts); it has no other job and shows nothing.
 */
import { browser } from '../shared/browser.ts';
import { isOffscreenRead, readMarkup } from './read-markup.ts';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isOffscreenRead(message)) return undefined;
  return Promise.resolve(readMarkup(message.read));
});
