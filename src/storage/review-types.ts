/**
 * The review record (issue 14): what the technician reviewed, found and fixed, kept in the
 * browser's IndexedDB for the worklist and the dashboard. These are the stored shapes; the
 * stores and their migration are in db.ts, the writers in review-record.ts, the tabulation in
 * ../review/. Times are ISO strings; no record ever leaves the browser.
 */

/** Where a chart's review came from: read in the browser, or imported from `chartlint audit --format ndjson`. */
export type ReviewSource = 'browser' | 'batch-import';

/** One chart seen, keyed by the chart key (a hash of the patient identifiers, see chart-key.ts). */
export interface ReviewedChart {
  chartKey: string;
  source: ReviewSource;
  /** The file name of the import a batch chart came from. */
  importName?: string;
  /** The EHR origin (scheme + host + port) and the page address, to reopen the chart from the worklist. */
  origin?: string;
  url?: string;
  title?: string;
  /**
   * Patient name and MRN as read: kept only when the user's privacy setting says
   * 'store-identifiers'; with the default 'hash-identifiers' only the chart key is kept.
   */
  patientName?: string;
  mrn?: string;
  encounterId?: string;
  /** inpatient / outpatient / emergency ..., as read. */
  encounterClass?: string;
  admittedAt?: string;
  dischargedAt?: string;
  /** The attending (or the encounter's responsible provider) as read. */
  attending?: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Whether the last read was complete (coverage), so a worklist row can say "read partially". */
  readComplete?: boolean;
  /** The working MS-DRG when the chart was first seen, and now (after accepted codes and answered queries). */
  drgFirst?: ReviewedDrg;
  drgNow?: ReviewedDrg;
}

export interface ReviewedDrg {
  drg: string;
  title?: string;
  weight?: number;
  /** 'MCC' | 'CC' | 'none': the severity the DRG was grouped with. */
  severity?: string;
}

/** One finding on one chart, across reads: first seen, resolved (no longer raised) or dismissed. */
export interface ReviewedFinding {
  chartKey: string;
  /** The finding's stable fingerprint (engine/fingerprint.ts). */
  fingerprint: string;
  rule: string;
  pack: string;
  category: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The clinician responsible for completing it (the document's author or expected signer), as read. */
  responsible?: string;
  /** Codes the finding suggests (dotted), and the CC/MCC among them. */
  codes?: string[];
  severityLevel?: 'CC' | 'MCC';
  firstSeenAt: string;
  lastSeenAt: string;
  /** The item it is about (a document, order or diagnosis id, or 'chart'). */
  subject?: string;
  /**
   * The page (or, for a batch import, the file) that last raised it, without its fragment: only
   * a later complete read of that same page can tell it is resolved (see review-write.ts).
   */
  seenOn?: string;
  /** Set when a later read of the chart no longer raises it. Cleared if it comes back. */
  resolvedAt?: string;
  dismissedAt?: string;
  dismissReason?: string;
  /** Initials the user entered with a dismissal. */
  dismissedBy?: string;
}

export type QueryOutcome = 'pending' | 'answered' | 'agreed' | 'declined' | 'unanswered';

/** A documentation query drafted from a finding, and its outcome as the user entered it. */
export interface ReviewedQuery {
  id?: number;
  chartKey: string;
  fingerprint: string;
  rule: string;
  draftedAt: string;
  outcome: QueryOutcome;
  outcomeAt?: string;
  by?: string;
  /** The working DRG before the query, and after its answer when the answer changed the codes. */
  drgBefore?: ReviewedDrg;
  drgAfter?: ReviewedDrg;
}

/** A suggested code the user accepted or rejected. */
export interface CodeDecision {
  id?: number;
  chartKey: string;
  system: string;
  code: string;
  decision: 'accepted' | 'rejected';
  reason?: string;
  by?: string;
  at: string;
  fingerprint?: string;
  severityLevel?: 'CC' | 'MCC';
  drgBefore?: ReviewedDrg;
  drgAfter?: ReviewedDrg;
}

/** What the user chose about identifiers in the review record. */
export type IdentifierPrivacy = 'hash-identifiers' | 'store-identifiers';

/** Everything the worklist and dashboard tabulate, as read from the stores in one go. */
export interface ReviewRecord {
  charts: ReviewedChart[];
  findings: ReviewedFinding[];
  queries: ReviewedQuery[];
  codeDecisions: CodeDecision[];
}
