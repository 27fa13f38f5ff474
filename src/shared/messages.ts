import type { ChartSnapshot } from '../chart/snapshot.ts';
import type { PackError } from '../engine/packs.ts';
import type { Finding } from '../engine/finding.ts';

/**
 * Every message between chartlint's contexts, one union named by direction
 * (cs = content script, bg = background service worker, panel = side panel / extension pages).
 */

/** A frame's fresh reading of the chart. The sender's tab and frame come from `sender`. */
export interface CsBgSnapshot {
  type: 'cs-bg-snapshot';
  snapshot: ChartSnapshot;
}

/** The panel asks for everything it shows for one tab. Answered with a TabState. */
export interface PanelBgGetTabState {
  type: 'panel-bg-get-tab-state';
  tabId: number;
}

/** The background tells open panels that a tab's findings changed. */
export interface BgPanelTabUpdated {
  type: 'bg-panel-tab-updated';
  tabId: number;
}

export type Message = CsBgSnapshot | PanelBgGetTabState | BgPanelTabUpdated;

/** What the panel needs to show for a tab. */
export interface TabState {
  tabId: number;
  /**
   * not-enabled: chartlint has no access to this site; waiting: no reading yet;
   * no-chart: the page was read but holds no chart; ready: findings are current.
   */
  status: 'not-enabled' | 'waiting' | 'no-chart' | 'ready';
  url?: string;
  snapshot?: ChartSnapshot;
  findings: Finding[];
  packErrors: PackError[];
  updatedAt?: string;
}

/** Narrows an unknown runtime message to one of ours. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'cs-bg-snapshot' || type === 'panel-bg-get-tab-state' || type === 'bg-panel-tab-updated';
}
