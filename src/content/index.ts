/**
 * The content script: reads the chart in this frame and sends it to the service worker, again
 * whenever the page changes. It runs inside the user's EHR, so it fails open: any error is
 * logged and swallowed, and it never edits the page's own DOM or data.
 */
import { extractFromDom } from '../chart/extract.ts';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';
import { watchChart } from './watch.ts';

/** Long enough to let typing pause, short enough that the panel follows within a second. */
const QUIET_MS = 250;

let lastSent = '';

function readAndSend(): void {
  try {
    const snapshot = extractFromDom({ document, url: location.href, now: new Date().toISOString() });
    // Unchanged chart (only the extraction time differs): nothing to re-evaluate.
    const signature = JSON.stringify({ ...snapshot, source: { ...snapshot.source, extractedAt: '' } });
    if (signature === lastSent) return;
    lastSent = signature;
    const message: Message = { type: 'cs-bg-snapshot', snapshot };
    browser.runtime.sendMessage(message).catch((error: unknown) => {
      console.debug('chartlint: could not send the chart to the extension', error);
    });
  } catch (error) {
    console.debug('chartlint: could not read this page', error);
  }
}

try {
  readAndSend();
  watchChart(document, readAndSend, QUIET_MS);
} catch (error) {
  console.debug('chartlint: not watching this page', error);
}
