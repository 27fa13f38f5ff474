import { chartKeyOf } from '../chart/chart-key.ts';
import { coverageOf, type Coverage } from '../chart/coverage.ts';
import { isChartEmpty } from '../chart/is-empty.ts';
import { mergedId, mergeFrames, type FrameSnapshot } from '../chart/merge.ts';
import { applyUpdate, type SnapshotUpdate } from '../chart/snapshot-update.ts';
import type { ChartSnapshot } from '../chart/snapshot.ts';
import type { Finding } from '../engine/finding.ts';
import { browser } from '../shared/browser.ts';

/**
 * What the worker knows per tab: each frame's latest snapshot and the findings of their
 * merge, with the merged chart's key and whether it holds a chart at all.
 *
 * The browser stops an idle service worker at any time, and the panel must still get the
 * findings when it wakes: so the record is kept in storage.session too, but without the frames'
 * readings. A chart of thousands of notes is megabytes; writing it on every keystroke would cost
 * more than judging it (and it can outgrow session storage). A record brought back without its
 * readings (`frames` empty) shows its findings until the page, asked by the worker, reads its
 * chart again.
 */
export interface TabRecord {
  url?: string;
  frames: FrameSnapshot[];
  findings: Finding[];
  updatedAt: string;
  chartKey: string;
  /** The page held nothing chart-like. */
  empty: boolean;
  /** What the merged reading found and could not read: "All clear" needs a complete one. */
  coverage?: Coverage;
}

const memory = new Map<number, TabRecord>();
const key = (tabId: number) => `tab:${tabId}`;

let onRestored: ((tabId: number) => void) | undefined;

/** Called with a tab whose record came back from session storage without its readings. */
export function whenRestored(handler: (tabId: number) => void): void {
  onRestored = handler;
}

export async function getTab(tabId: number): Promise<TabRecord | undefined> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabRecord | undefined;
  if (!stored) return undefined;
  // Another call may have filled memory while this one waited on storage.
  const latest = memory.get(tabId);
  if (latest) return latest;
  memory.set(tabId, stored);
  onRestored?.(tabId);
  return stored;
}

export async function putFrame(tabId: number, frameId: number, snapshot: ChartSnapshot, senderUrl?: string, seq?: number): Promise<TabRecord> {
  const previous = await getTab(tabId);
  // The page's own location when it was read: the sender's URL is the document's URL at load
  // and stays so after history.pushState (seen in Chromium), so a single-page app's move to
  // another chart would go unnoticed.
  const url = frameId === 0 ? (snapshot.source.url ?? senderUrl) : senderUrl;
  // A frame not seen before, or a new top-frame URL, may mean a new page: ask which frames
  // are still there. Readings are otherwise kept (a frame reports only when it changes).
  const mayHaveNavigated = previous !== undefined && (isNewUrl(previous, frameId, url) || !previous.frames.some((f) => f.frameId === frameId));
  const live = mayHaveNavigated ? await liveFrameIds(tabId) : undefined;
  const record = nextRecord(previous, { frameId, snapshot, url, live, now: new Date().toISOString(), seq });
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
  next: { frameId: number; snapshot: ChartSnapshot; url?: string; live?: Set<number>; now: string; seq?: number },
): TabRecord {
  const navigated = previous !== undefined && isNewUrl(previous, next.frameId, next.url);
  let frames = (previous?.frames ?? []).filter((f) => f.frameId !== next.frameId);
  if (next.live) frames = frames.filter((f) => next.live!.has(f.frameId));
  else if (navigated) frames = [];
  frames.push({ frameId: next.frameId, snapshot: next.snapshot, ...(next.seq !== undefined ? { seq: next.seq } : {}) });
  const chart = mergeFrames(frames);
  return {
    url: next.frameId === 0 ? next.url : (previous?.url ?? next.url),
    frames,
    findings: previous && !navigated ? previous.findings : [],
    updatedAt: next.now,
    chartKey: chartKeyOf(chart),
    empty: isChartEmpty(chart),
    coverage: chart.coverage ?? coverageOf(chart),
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

/**
 * A frame's partial update applied to the reading it amends (pure, for tests): the frame's new
 * snapshot and the ids of the changed documents as the merged chart spells them. Undefined when
 * the worker does not hold that reading (restarted, or a reading lost): the frame must send
 * its whole chart.
 */
export function updatedReading(record: TabRecord | undefined, frameId: number, update: SnapshotUpdate): { snapshot: ChartSnapshot; changedIds: string[] } | undefined {
  const frame = record?.frames.find((f) => f.frameId === frameId);
  const snapshot = frame?.seq === update.base ? applyUpdate(frame.snapshot, update) : undefined;
  if (!record || !snapshot) return undefined;
  return { snapshot, changedIds: update.changed.map((c) => mergedId(record.frames.length, frameId, c.document.id)) };
}

/**
 * How long a tab's record waits before it is written to session storage: a burst of typing
 * writes once. A worker stopped within this time loses only the last change, and the page's
 * reading brings it back.
 */
const SAVE_AFTER_MS = 1000;
const pendingSaves = new Map<number, ReturnType<typeof setTimeout>>();

export function saveFindings(tabId: number, record: TabRecord, findings: Finding[]): void {
  record.findings = findings;
  // The tab was forgotten (closed, erased, site revoked) while it was being judged: stay gone.
  if (memory.get(tabId) !== record) return;
  if (pendingSaves.has(tabId)) return;
  pendingSaves.set(tabId, setTimeout(() => {
    pendingSaves.delete(tabId);
    const latest = memory.get(tabId);
    if (latest) void persist(tabId, latest);
  }, SAVE_AFTER_MS));
}

async function persist(tabId: number, record: TabRecord): Promise<void> {
  try {
    await browser.storage.session.set({ [key(tabId)]: { ...record, frames: [] } satisfies TabRecord });
  } catch (error) {
    // Findings alone outgrowing session storage (10 MB): the worker keeps them in memory, and
    // after a restart the page's reading brings them back.
    console.warn('chartlint: could not keep this tab’s findings across a worker restart', error);
    await browser.storage.session.remove(key(tabId)).catch(() => undefined);
  }
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  clearTimeout(pendingSaves.get(tabId));
  pendingSaves.delete(tabId);
  await browser.storage.session.remove(key(tabId));
}

/** Every tab's reading goes, from memory and from session storage ("erase all local data"). */
export async function forgetAllTabs(): Promise<void> {
  for (const tabId of [...memory.keys(), ...pendingSaves.keys()]) {
    memory.delete(tabId);
    clearTimeout(pendingSaves.get(tabId));
    pendingSaves.delete(tabId);
  }
  await browser.storage.session.clear();
}

export function chartOf(record: TabRecord): ChartSnapshot {
  return mergeFrames(record.frames);
}
