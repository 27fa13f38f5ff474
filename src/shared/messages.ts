import type { Coverage } from '../chart/coverage.ts';
import type { ChartSnapshot, Code, SourceRef } from '../chart/snapshot.ts';
import type { SnapshotUpdate } from '../chart/snapshot-update.ts';
import type { WorkingCode } from '../storage/working-codes.ts';
import type { PackError } from '../engine/packs.ts';
import type { Finding } from '../engine/finding.ts';
import type { WorkingDrg } from '../grouper/working-drg.ts';
import type { ProfileField, SiteProfile } from '../chart/site-profile/format.ts';
import type { CodeDecision, QueryOutcome, ReviewedQuery } from '../storage/review-types.ts';

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
  /** The user's initials, kept with the dismissal in the review record. */
  initials?: string;
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
  /** The finding that suggested it, for the review record. */
  fingerprint?: string;
}

/** The user rejected a suggested code, with a reason (review record: code decisions). */
export interface PanelBgRejectCode {
  type: 'panel-bg-reject-code';
  tabId: number;
  rule: string;
  fingerprint: string;
  code: Code;
  reason: string;
  initials?: string;
}

/** The user copied a finding's query draft to send it: the review record notes a query, pending. */
export interface PanelBgQueryDrafted {
  type: 'panel-bg-query-drafted';
  tabId: number;
  fingerprint: string;
  rule: string;
}

/** The outcome of a drafted query, as the user entered it. */
export interface PanelBgQueryOutcome {
  type: 'panel-bg-query-outcome';
  tabId: number;
  /** The ReviewedQuery's id (TabState.review.queries). */
  id: number;
  outcome: QueryOutcome;
  initials?: string;
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

/**
 * A frame asks for the site profile of its own origin before it reads the chart (content
 * scripts cannot open the extension's IndexedDB). Answered with the SiteProfile, or null.
 */
export interface CsBgGetSiteProfile {
  type: 'cs-bg-get-site-profile';
}

/** The options page or the panel saved, imported or deleted the profile of an origin. */
export interface PanelBgSiteProfileChanged {
  type: 'panel-bg-site-profile-changed';
  origin: string;
}

/** The worker hands a changed profile (null: deleted) to the frames of its origin, which read again. */
export interface BgCsSiteProfile {
  type: 'bg-cs-site-profile';
  origin: string;
  profile: SiteProfile | null;
}

/**
 * Teach mode: the user is to click the element that shows `field` on the page (top frame).
 * Answered with a TeachPickAnswer once they click, or press Escape.
 */
export interface PanelCsTeachPick {
  type: 'panel-cs-teach-pick';
  field: ProfileField;
  /** What to ask for, shown over the page: "Click the patient’s name". */
  prompt: string;
}

/** What the user picked: the element's text as chartlint reads it, for the panel to show. */
export type TeachPickAnswer = { field: ProfileField; picked: true; text: string } | { field: ProfileField; picked: false };

/** Teach mode: build the profile from the picks so far. Answered with a TeachFinishAnswer. */
export interface PanelCsTeachFinish {
  type: 'panel-cs-teach-finish';
}

export type TeachFinishAnswer = { ok: true; profile: SiteProfile } | { ok: false; problem: string };

/** Teach mode ends without saving: picks are forgotten and the overlay goes. */
export interface PanelCsTeachStop {
  type: 'panel-cs-teach-stop';
  /** Only the pick in progress is cancelled (Escape in the panel); the picks so far stay. */
  pickOnly?: boolean;
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
  | PanelBgRejectCode
  | PanelBgQueryDrafted
  | PanelBgQueryOutcome
  | PanelBgRemoveCode
  | PanelBgSettingsChanged
  | PanelBgCodesImported
  | PanelBgErased
  | PanelCsHighlight
  | BgPanelTabUpdated
  | BgCsOpenErrors
  | BgCsReadAgain
  | CsBgGetSiteProfile
  | PanelBgSiteProfileChanged
  | BgCsSiteProfile
  | PanelCsTeachPick
  | PanelCsTeachFinish
  | PanelCsTeachStop;

const TYPES = new Set<Message['type']>([
  'cs-bg-snapshot', 'cs-bg-snapshot-update', 'cs-bg-submit-anyway', 'panel-bg-get-tab-state', 'panel-bg-get-snapshot', 'panel-bg-dismiss',
  'panel-bg-undismiss', 'panel-bg-accept-code', 'panel-bg-reject-code', 'panel-bg-query-drafted', 'panel-bg-query-outcome', 'panel-bg-remove-code', 'panel-bg-settings-changed', 'panel-bg-codes-imported', 'panel-bg-erased', 'panel-cs-highlight', 'bg-panel-tab-updated', 'bg-cs-open-errors', 'bg-cs-read-again',
  'cs-bg-get-site-profile', 'panel-bg-site-profile-changed', 'bg-cs-site-profile', 'panel-cs-teach-pick', 'panel-cs-teach-finish', 'panel-cs-teach-stop',
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
  /** The working MS-DRG of an inpatient chart and its what-if (absent for other charts). */
  drg?: WorkingDrg;
  /** This chart's queries and code decisions in the review record (absent when it could not be read). */
  review?: { queries: ReviewedQuery[]; codeDecisions: CodeDecision[] };
}

/** Narrows an unknown runtime message to one of ours. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  return TYPES.has((value as { type?: unknown }).type as Message['type']);
}
