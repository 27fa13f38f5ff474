import { mergeFrames, type FrameSnapshot } from '../chart/merge.ts';
import type { ChartSnapshot } from '../chart/snapshot.ts';
import type { Finding } from '../engine/finding.ts';
import { browser } from '../shared/browser.ts';

/**
 * What the worker knows per tab: each frame's latest snapshot and the findings of their
 * merge. Kept in storage.session too, because the browser stops an idle service worker at
 * any time and the panel must still get its findings when it wakes.
 */
export interface TabRecord {
  url?: string;
  frames: FrameSnapshot[];
  findings: Finding[];
  updatedAt: string;
}

const memory = new Map<number, TabRecord>();
const key = (tabId: number) => `tab:${tabId}`;

export async function getTab(tabId: number): Promise<TabRecord | undefined> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabRecord | undefined;
  if (stored) memory.set(tabId, stored);
  return stored;
}

export async function putFrame(tabId: number, frameId: number, snapshot: ChartSnapshot, senderUrl?: string): Promise<TabRecord> {
  const previous = await getTab(tabId);
  // The page's own location when it was read: the sender's URL is the document's URL at load
  // and stays so after history.pushState (seen in Chromium), so a single-page app's move to
  // another chart would go unnoticed.
  const url = frameId === 0 ? (snapshot.source.url ?? senderUrl) : senderUrl;
  // A frame not seen before, or a new top-frame URL, may mean a new page: ask which frames
  // are still there. Readings are otherwise kept (a frame reports only when it changes).
  const mayHaveNavigated = previous !== undefined && (isNewUrl(previous, frameId, url) || !previous.frames.some((f) => f.frameId === frameId));
  const live = mayHaveNavigated ? await liveFrameIds(tabId) : undefined;
  const record = nextRecord(previous, { frameId, snapshot, url, live, now: new Date().toISOString() });
  memory.set(tabId, record);
  return record;
}

/**
 * The tab's record after a frame's new reading (pure, for tests). Readings of frames that no
 * longer exist are dropped when `live` says which do: after a reload or a navigation the
 * sub-frames are new frames with new ids, and a frame-based chart would otherwise show every
 * note twice, or the last patient's notes beside this one's. A changed top-frame URL is a new
 * chart (pushState in a single-page app counts): its old findings go. Without `live` (the
 * browser would not say), a changed top-frame URL drops every other frame's reading.
 */
export function nextRecord(
  previous: TabRecord | undefined,
  next: { frameId: number; snapshot: ChartSnapshot; url?: string; live?: Set<number>; now: string },
): TabRecord {
  const navigated = previous !== undefined && isNewUrl(previous, next.frameId, next.url);
  let frames = (previous?.frames ?? []).filter((f) => f.frameId !== next.frameId);
  if (next.live) frames = frames.filter((f) => next.live!.has(f.frameId));
  else if (navigated) frames = [];
  frames.push({ frameId: next.frameId, snapshot: next.snapshot });
  return {
    url: next.frameId === 0 ? next.url : (previous?.url ?? next.url),
    frames,
    findings: previous && !navigated ? previous.findings : [],
    updatedAt: next.now,
  };
}

function isNewUrl(previous: TabRecord, frameId: number, url: string | undefined): boolean {
  return frameId === 0 && url !== undefined && previous.url !== undefined && previous.url !== url;
}

/**
 * Ids of the tab's frames that exist now and chartlint may read: a no-op run in each (in
 * chartlint's isolated world, touching nothing of the page), whose results name their frames.
 * Undefined when the browser will not say.
 */
async function liveFrameIds(tabId: number): Promise<Set<number> | undefined> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => true });
    return new Set(results.map((result) => result.frameId));
  } catch {
    return undefined;
  }
}

export async function saveFindings(tabId: number, record: TabRecord, findings: Finding[]): Promise<void> {
  record.findings = findings;
  memory.set(tabId, record);
  try {
    await browser.storage.session.set({ [key(tabId)]: record });
  } catch (error) {
    // A very large chart can outgrow session storage (10 MB). The worker keeps it in memory;
    // only a restart of the worker loses it, and the page's next change sends it again.
    console.warn('chartlint: this chart is too large to keep across a worker restart', error);
    await browser.storage.session.remove(key(tabId)).catch(() => undefined);
  }
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await browser.storage.session.remove(key(tabId));
}

export function chartOf(record: TabRecord): ChartSnapshot {
  return mergeFrames(record.frames);
}
