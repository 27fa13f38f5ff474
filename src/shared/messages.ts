import type { Coverage } from '../chart/coverage.ts';
import type { ChartSnapshot, Code, SourceRef } from '../chart/snapshot.ts';
import type { SnapshotUpdate } from '../chart/snapshot-update.ts';
import type { WorkingCode } from '../storage/working-codes.ts';
import type { PackError } from '../engine/packs.ts';
import type { Finding } from '../engine/finding.ts';

/**
 * Every message between chartlint's contexts, one union named by direction
 * (cs = content script, bg = background service worker, panel = side panel / extension pages).
 */

/**
 * A frame's whole reading of the chart, numbered `seq` (see CsBgSnapshotUpdate). The sender's
 * tab and frame come from `sender`.
 */
export interface CsBgSnapshot {
  type: 'cs-bg-snapshot';
  snapshot: ChartSnapshot;
  seq: number;
}

/**
 * A frame's reading after a change inside some documents: only those and the rest of the chart,
 * so a keystroke in a chart of thousands of notes does not send them all. Answered with
 * `{ needWhole: true }` when the worker does not hold the reading it amends (it was restarted):
 * the frame then sends a whole CsBgSnapshot.
 */
export interface CsBgSnapshotUpdate extends SnapshotUpdate {
  type: 'cs-bg-snapshot-update';
}

/** The worker's answer to a CsBgSnapshotUpdate. */
export interface SnapshotUpdateAnswer {
  needWhole: boolean;
}

/** The user sent a submission on despite open errors; goes to the audit trail. */
export interface CsBgSubmitAnyway {
  type: 'cs-bg-submit-anyway';
  reason: string;
  rules: string[];
}

/** The panel asks for everything it shows for one tab. Answered with a TabState. */
export interface PanelBgGetTabState {
  type: 'panel-bg-get-tab-state';
  tabId: number;
}

/** The panel's Chart view asks for the tab's chart as read. Answered with a ChartSnapshot or undefined. */
export interface PanelBgGetSnapshot {
  type: 'panel-bg-get-snapshot';
  tabId: number;
}

/** Dismiss a finding on the tab's chart, with the user's reason. */
export interface PanelBgDismiss {
  type: 'panel-bg-dismiss';
  tabId: number;
  fingerprint: string;
  rule: string;
  reason: string;
}

/** Take a dismissal back. */
export interface PanelBgUndismiss {
  type: 'panel-bg-undismiss';
  tabId: number;
  fingerprint: string;
}

/** Put a suggested code on the chart's working code list. */
export interface PanelBgAcceptCode {
  type: 'panel-bg-accept-code';
  tabId: number;
  rule: string;
  code: Code;
}

/** Take a code off the chart's working code list. */
export interface PanelBgRemoveCode {
  type: 'panel-bg-remove-code';
  tabId: number;
  system: string;
  code: string;
}

/** The options page saved new settings (packs, thresholds, guard): rebuild and re-check. */
export interface PanelBgSettingsChanged {
  type: 'panel-bg-settings-changed';
}

/**
 * The options page erased all local data: the worker forgets every tab's reading too, goes back
 * to the defaults and asks the open charts to be read again.
 */
export interface PanelBgErased {
  type: 'panel-bg-erased';
}

/** The worker lost a tab's reading (erased): each frame reads its chart again and sends it whole. */
export interface BgCsReadAgain {
  type: 'bg-cs-read-again';
}

/** The options page imported a code-set release: load it and re-check. */
export interface PanelBgCodesImported {
  type: 'panel-bg-codes-imported';
}

/** Scroll the page to a piece of evidence and highlight it (sent to every frame of the tab). */
export interface PanelCsHighlight {
  type: 'panel-cs-highlight';
  ref: SourceRef;
}

/** The background tells open panels that a tab's findings changed. */
export interface BgPanelTabUpdated {
  type: 'bg-panel-tab-updated';
  tabId: number;
}

/** The background tells a tab's frames which error findings are open, for the submit guard. */
export interface BgCsOpenErrors {
  type: 'bg-cs-open-errors';
  /** The findings that stop a submission here (empty when the guard is off for this site). */
  errors: { rule: string; message: string }[];
  /** Labels of buttons that count as submitting on this site (a regex source). */
  actionButtons: string;
}

export type Message =
  | CsBgSnapshot
  | CsBgSnapshotUpdate
  | CsBgSubmitAnyway
  | PanelBgGetTabState
  | PanelBgGetSnapshot
  | PanelBgDismiss
  | PanelBgUndismiss
  | PanelBgAcceptCode
  | PanelBgRemoveCode
  | PanelBgSettingsChanged
  | PanelBgCodesImported
  | PanelBgErased
  | PanelCsHighlight
  | BgPanelTabUpdated
  | BgCsOpenErrors
  | BgCsReadAgain;

const TYPES = new Set<Message['type']>([
  'cs-bg-snapshot', 'cs-bg-snapshot-update', 'cs-bg-submit-anyway', 'panel-bg-get-tab-state', 'panel-bg-get-snapshot', 'panel-bg-dismiss',
  'panel-bg-undismiss', 'panel-bg-accept-code', 'panel-bg-remove-code', 'panel-bg-settings-changed', 'panel-bg-codes-imported', 'panel-bg-erased', 'panel-cs-highlight', 'bg-panel-tab-updated', 'bg-cs-open-errors', 'bg-cs-read-again',
]);

/** A finding the user dismissed, as the panel shows it. */
export interface DismissedFinding {
  finding: Finding;
  reason: string;
  dismissedAt: string;
}

/** What the panel needs to show for a tab. */
export interface TabState {
  tabId: number;
  /**
   * not-enabled: chartlint has no access to this site; waiting: no reading yet;
   * no-chart: the page was read but holds no chart; ready: findings are current.
   */
  status: 'not-enabled' | 'waiting' | 'no-chart' | 'ready';
  url?: string;
  /** Open findings (not dismissed). */
  findings: Finding[];
  dismissed: DismissedFinding[];
  /** Codes the coder accepted for this chart, in the order accepted. */
  workingCodes: WorkingCode[];
  packErrors: PackError[];
  updatedAt?: string;
  /** What chartlint could and could not read of the chart: "All clear" only on a complete read. */
  coverage?: Coverage;
}

/** Narrows an unknown runtime message to one of ours. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  return TYPES.has((value as { type?: unknown }).type as Message['type']);
}
