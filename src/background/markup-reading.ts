import type { ChartSnapshot } from '../chart/snapshot.ts';
import { browser, type Runtime } from '../shared/browser.ts';
import { isMarkupRead, MARKUP_PORT, readMarkup, type MarkupAnswer, type MarkupRead, type OffscreenRead } from '../offscreen/read-markup.ts';
import { mayRead } from './site-access.ts';

/**
 * Large pages are read here, off their own main thread (issue 15): the content script writes the
 * page out as HTML (src/content/page-markup.ts) and sends it over a port in pieces; in Chrome
 * the worker has no DOM, so an offscreen document parses and reads it (src/offscreen/);
 * Firefox's background is an event page with DOMParser of its own, and reads it itself. The
 * reading is then taken as that frame's snapshot, as if the frame had sent it: `take` is the
 * worker's `cs-bg-snapshot` path.
 */
export function readLargePages(take: (snapshot: ChartSnapshot, seq: number, sender: Runtime.MessageSender) => Promise<unknown>): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    const sender = port.sender;
    if (port.name !== MARKUP_PORT || sender?.tab?.id === undefined) return;
    let pieces: string[] = [];
    port.onMessage.addListener((message: unknown) => {
      if (typeof message === 'object' && message !== null && typeof (message as { piece?: unknown }).piece === 'string') {
        pieces.push((message as { piece: string }).piece);
        return;
      }
      const read = { ...(message as object), html: pieces.join('') };
      pieces = [];
      if (!isMarkupRead(read)) return;
      void readAndTake(read, sender, take).then(
        (done) => port.postMessage(done),
        (error: unknown) => {
          console.error('chartlint: reading a large page failed', error);
          port.disconnect();
        },
      );
    });
  });
}

async function readAndTake(read: MarkupRead, sender: Runtime.MessageSender, take: (snapshot: ChartSnapshot, seq: number, sender: Runtime.MessageSender) => Promise<unknown>): Promise<MarkupAnswer | false> {
  const page = sender.url?.startsWith('http') ? sender.url : sender.tab?.url;
  if (!(await mayRead(page))) return false;
  const snapshot = await readElsewhere(read);
  await take(snapshot, read.seq, sender);
  return { documents: snapshot.documents.length };
}

const OFFSCREEN_URL = 'src/offscreen/index.html';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

interface ContextsApi {
  getContexts?(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]>;
}

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

async function readElsewhere(read: MarkupRead): Promise<ChartSnapshot> {
  const offscreen = offscreenApi();
  // Firefox: an event page, with a DOM.
  if (!offscreen) return readMarkup(read);
  await offscreenDocument(offscreen);
  const request: OffscreenRead = { type: 'bg-offscreen-read', read };
  const snapshot: unknown = await browser.runtime.sendMessage(request);
  return snapshot as ChartSnapshot;
}

let creating: Promise<void> | undefined;

/** The offscreen document, made once; a restarted worker finds the one it made before. */
async function offscreenDocument(offscreen: OffscreenApi): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_URL);
  const runtime = (globalThis as { chrome?: { runtime?: ContextsApi } }).chrome?.runtime;
  const existing = await runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing && existing.length > 0) return;
  creating ??= offscreen
    .createDocument({ url: OFFSCREEN_URL, reasons: ['DOM_PARSER'], justification: 'Reads the chart of a large EHR page without blocking the page.' })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}
