/**
 * The extension's IndexedDB (through idb): one database, versioned stores, migrations in order.
 * Only the service worker and extension pages open it; the pure core never does.
 *
 * Stores:
 * - `releases`: one record per imported code-set release (system + fiscal year + import id),
 *   with its status (staging -> ready | failed) and the small part of its data.
 * - `releaseChunks`: the large arrays of a release (codes, MCE periods, ...) in chunks, so one
 *   import is many small transactions that an interruption can cut without harm.
 * - `active`: per system, the release in use. Flipped only when a staging release is complete.
 * - `settings`, `dismissals`, `audit`: designed here, filled by their own modules.
 * - `siteProfiles` (v2): per origin, the site profile a user taught (site-profiles.ts).
 * - `drgWeights` (v3): the MS-DRG relative weights imported from CMS Table 5 (drg-weights.ts).
 * - `reviewCharts`, `reviewFindings`, `reviewQueries`, `codeDecisions` (v4): the review record
 *   (review-types.ts, written by review-record.ts) the worklist and dashboard tabulate.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SiteProfile } from '../chart/site-profile/format.ts';
import type { DrgWeightsRecord } from './drg-weights.ts';
import type { CodeDecision, ReviewedChart, ReviewedFinding, ReviewedQuery } from './review-types.ts';

/** Everything that is imported as a release, one per file kind. */
export type ReleaseSystem = 'icd10cm' | 'icd10cm-tabular' | 'icd10pcs' | 'hcpcs' | 'mce' | 'msdrg';

export type ReleaseStatus = 'staging' | 'ready' | 'failed';

export interface ReleaseRecord {
  /** `${system}:${fiscalYear}:${startedAt}`, unique per import. */
  id: string;
  system: ReleaseSystem;
  fiscalYear: number;
  /** Dates the release governs (ISO, inclusive). */
  effectiveFrom: string;
  effectiveTo: string;
  /** What the user imported (file name) and any version the file states. */
  source: string;
  version?: string;
  status: ReleaseStatus;
  startedAt: string;
  finishedAt?: string;
  /** Why an import failed, in words the options page can show. */
  error?: string;
  /** Counts the user can check against the release notes (codes, billable, notes...). */
  counts: Record<string, number>;
  /** The payload without its chunked arrays. */
  head: Record<string, unknown>;
  /** Chunked array fields of the payload and how many chunks each has. */
  chunkFields: Record<string, number>;
}

export interface ReleaseChunk {
  releaseId: string;
  field: string;
  index: number;
  values: unknown[];
}

export interface ActiveRelease {
  system: ReleaseSystem;
  releaseId: string;
  activatedAt: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A finding the user dismissed, keyed by chart and the finding's stable fingerprint. */
export interface DismissalRecord {
  fingerprint: string;
  rule: string;
  reason: string;
  dismissedAt: string;
  /** Hash of the chart identifiers, never the identifiers themselves. */
  chartKey: string;
}

/** What happened, for tabulation (deficiency rates, accepted codes); no PHI. */
export interface AuditRecord {
  id?: number;
  at: string;
  action: 'finding-shown' | 'finding-dismissed' | 'code-accepted' | 'release-imported' | (string & {});
  rule?: string;
  chartKey?: string;
  detail?: Record<string, unknown>;
}

export interface ChartlintDB extends DBSchema {
  releases: { key: string; value: ReleaseRecord; indexes: { 'by-system': ReleaseSystem } };
  releaseChunks: { key: [string, string, number]; value: ReleaseChunk; indexes: { 'by-release': string } };
  active: { key: ReleaseSystem; value: ActiveRelease };
  settings: { key: string; value: SettingRecord };
  dismissals: { key: [string, string]; value: DismissalRecord; indexes: { 'by-rule': string; 'by-chart': string } };
  audit: { key: number; value: AuditRecord; indexes: { 'by-time': string } };
  siteProfiles: { key: string; value: SiteProfile };
  drgWeights: { key: string; value: DrgWeightsRecord };
  reviewCharts: { key: string; value: ReviewedChart; indexes: { 'by-discharge': string; 'by-last-seen': string } };
  reviewFindings: { key: [string, string]; value: ReviewedFinding; indexes: { 'by-chart': string; 'by-rule': string; 'by-first-seen': string } };
  reviewQueries: { key: number; value: ReviewedQuery; indexes: { 'by-chart': string } };
  codeDecisions: { key: number; value: CodeDecision; indexes: { 'by-chart': string } };
}

export const DB_NAME = 'chartlint';
export const DB_VERSION = 4;

/** Opens (and migrates) the database. `name` is for tests that want a fresh one. */
export function openChartlintDb(name = DB_NAME): Promise<IDBPDatabase<ChartlintDB>> {
  return openDB<ChartlintDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each step migrates from the version before it; add `if (oldVersion < 2) {...}` below.
      if (oldVersion < 1) {
        db.createObjectStore('releases', { keyPath: 'id' }).createIndex('by-system', 'system');
        db.createObjectStore('releaseChunks', { keyPath: ['releaseId', 'field', 'index'] }).createIndex('by-release', 'releaseId');
        db.createObjectStore('active', { keyPath: 'system' });
        db.createObjectStore('settings', { keyPath: 'key' });
        // Per chart: the same rule on another patient's note with the same id is another finding.
        const dismissals = db.createObjectStore('dismissals', { keyPath: ['chartKey', 'fingerprint'] });
        dismissals.createIndex('by-rule', 'rule');
        dismissals.createIndex('by-chart', 'chartKey');
        db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true }).createIndex('by-time', 'at');
      }
      if (oldVersion < 2) {
        // One taught profile per EHR origin; everything stored before stays as it was.
        db.createObjectStore('siteProfiles', { keyPath: 'origin' });
      }
      if (oldVersion < 3) {
        // The imported Table 5 (one current record); nothing stored before changes.
        db.createObjectStore('drgWeights', { keyPath: 'id' });
      }
      if (oldVersion < 4) {
        // The review record: four new stores, nothing stored before changes.
        const charts = db.createObjectStore('reviewCharts', { keyPath: 'chartKey' });
        charts.createIndex('by-discharge', 'dischargedAt');
        charts.createIndex('by-last-seen', 'lastSeenAt');
        // Per chart, like dismissals: the same fingerprint on another patient is another finding.
        const findings = db.createObjectStore('reviewFindings', { keyPath: ['chartKey', 'fingerprint'] });
        findings.createIndex('by-chart', 'chartKey');
        findings.createIndex('by-rule', 'rule');
        findings.createIndex('by-first-seen', 'firstSeenAt');
        db.createObjectStore('reviewQueries', { keyPath: 'id', autoIncrement: true }).createIndex('by-chart', 'chartKey');
        db.createObjectStore('codeDecisions', { keyPath: 'id', autoIncrement: true }).createIndex('by-chart', 'chartKey');
      }
    },
  });
}

export type ChartlintDatabase = IDBPDatabase<ChartlintDB>;
