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

export async function putFrame(tabId: number, frameId: number, snapshot: ChartSnapshot, url?: string): Promise<TabRecord> {
  const previous = await getTab(tabId);
  // A new top-frame URL means a new page: readings from the old one no longer apply.
  const keep = previous && !(frameId === 0 && url !== undefined && previous.url !== undefined && previous.url !== url);
  const frames = (keep ? previous.frames : []).filter((f) => f.frameId !== frameId);
  frames.push({ frameId, snapshot });
  const record: TabRecord = {
    url: frameId === 0 ? url : (previous?.url ?? url),
    frames,
    findings: keep ? previous.findings : [],
    updatedAt: new Date().toISOString(),
  };
  memory.set(tabId, record);
  return record;
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
