/**
 * The ChartSnapshot: what chartlint read from one page or document, as plain JSON.
 *
 * It crosses the content-script → service-worker boundary and is what the CLI builds from
 * files, so it holds only serialisable data. Every extracted value carries a SourceRef so a
 * finding can quote it and the panel can jump to it.
 */

import type { Coverage } from './coverage.ts';

/** Where a value was found: enough to find it again on the page and to quote it. */
export interface SourceRef {
  /** CSS selector of the element in its document (HTML pages). */
  selector?: string;
  /** XPath-like location in an XML document (C-CDA), e.g. `/ClinicalDocument/author[1]/time`. */
  xpath?: string;
  /** JSON pointer in a JSON document (FHIR), e.g. `/entry/3/resource/status`. */
  pointer?: string;
  /** Which frame the element lives in, when not the top document (a frame's URL or name). */
  frame?: string;
  /**
   * When the element sits inside open shadow roots (web components): the selectors of their
   * hosts, outermost first, each relative to the tree before it; `selector` is then relative
   * to the innermost shadow root (`document.querySelector` cannot cross a shadow boundary).
   */
  shadowHosts?: string[];
  /** The text as it appears in the source (trimmed, at most a few hundred characters). */
  text: string;
}

/** One extracted value with where it came from. */
export interface Field {
  value: string;
  /** For dates and times: the value as an ISO 8601 string, when it could be read. */
  iso?: string;
  source: SourceRef;
}

export interface Person {
  name: Field;
  /** "MD", "DO", "NP", "PA-C", "RN", ... as printed. */
  credentials?: Field;
  /** attending, resident, nurse practitioner, ... as printed or as the source states. */
  role?: Field;
}

export type SignatureStatus =
  | 'signed'
  | 'unsigned'
  | 'pended'
  | 'dictated-not-signed'
  | 'needs-cosignature'
  | 'unknown';

export interface Signature {
  status: SignatureStatus;
  signer?: Person;
  signedAt?: Field;
  /** The signature line as written ("Electronically signed by ..."), for quoting. */
  line?: Field;
  cosigner?: Person;
  cosignedAt?: Field;
  /**
   * The source shows only a status word for this signature (a notes grid's Status column, a
   * documents tree's "Auth (Verified)"), not the signature itself: its date, time and
   * credentials are not known to be missing, only unseen.
   */
  statusOnly?: boolean;
}

/** Well-known document kinds the rule packs reason about; adapters may use other strings. */
export type DocumentKind =
  | 'history-and-physical'
  | 'hp-update'
  | 'progress-note'
  | 'consultation'
  | 'operative-report'
  | 'brief-operative-note'
  | 'procedure-note'
  | 'anesthesia-pre'
  | 'anesthesia-post'
  | 'consent'
  | 'discharge-summary'
  | 'pathology-report'
  | 'imaging-report'
  | 'nursing-note'
  | 'other'
  | (string & {});

export interface Section {
  title: string;
  text: string;
  /** Coded section type where the source gives one (a LOINC code in C-CDA). */
  code?: string;
  source: SourceRef;
}

export interface ChartDocument {
  /** Unique within the snapshot; stable across re-extractions of the same page. */
  id: string;
  kind: DocumentKind;
  title: Field;
  author?: Person;
  createdAt?: Field;
  /** When the author wrote it, where the source records that apart from createdAt (C-CDA author/time). */
  authoredAt?: Field;
  signature: Signature;
  /** Patient identifiers printed on this document itself (not the page banner). */
  identifiers: { name?: Field; mrn?: Field; dob?: Field };
  sections: Section[];
  source: SourceRef;
}

export interface Code {
  /** 'ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS' | 'CPT' | 'SNOMED CT' | 'ICD-9-CM' | 'LOINC' | ... */
  system: string;
  code: string;
  display?: string;
}

export type DiagnosisRole = 'principal' | 'secondary' | 'admitting' | 'problem' | 'final' | 'other';

export interface CodedItem {
  id: string;
  text: Field;
  code?: Code;
  /**
   * Every code the source gives for this item, `code` first, then the others (C-CDA
   * translations, FHIR codings): a SNOMED CT problem may carry its ICD-10-CM translation.
   */
  codes?: Code[];
  /** For diagnoses: what list it stands on; procedures leave it out. */
  role?: DiagnosisRole | (string & {});
  /** active, resolved, completed, ... as the source says. */
  status?: string;
  /** Present-on-admission indicator as reported (Y, N, U, W, 1), for inpatient diagnoses. */
  poa?: string;
  /** Onset (diagnoses) or performed (procedures) time. */
  date?: Field;
  performer?: Person;
  source: SourceRef;
}

export type OrderKind = 'verbal' | 'telephone' | 'written' | 'electronic' | 'unknown';

export interface Order {
  id: string;
  kind: OrderKind;
  text: Field;
  orderedAt?: Field;
  orderedBy?: Person;
  /** Authentication of the order by the ordering or responsible practitioner. */
  signature: Signature;
  source: SourceRef;
}

export interface FormState {
  id: string;
  label: string;
  value: string;
  required: boolean;
  /** text, select, checkbox, textarea, ... */
  control: string;
  source: SourceRef;
}

export interface Encounter {
  kind?: 'inpatient' | 'outpatient' | 'emergency' | 'observation' | (string & {});
  admittedAt?: Field;
  dischargedAt?: Field;
  attending?: Person;
  /** The documented reason for admission as written (not a code). */
  admittingDiagnosis?: Field;
}

export interface ChartSnapshot {
  source: {
    adapter: string;
    url?: string;
    title?: string;
    extractedAt: string;
    /**
     * 'chart' when the snapshot holds the whole chart of an encounter (an EHR's chart page);
     * 'document' when it is one exchanged document (a C-CDA), so rules about documents missing
     * from the chart stay quiet. When absent, the engine assumes 'document' for the `ccda`
     * adapter and 'chart' otherwise.
     */
    coverage?: 'chart' | 'document';
  };
  patient: { name?: Field; mrn?: Field; dob?: Field; sex?: Field };
  encounter?: Encounter;
  documents: ChartDocument[];
  diagnoses: CodedItem[];
  procedures: CodedItem[];
  orders: Order[];
  forms: FormState[];
  /**
   * What the reading found and could not read (see coverage.ts). Every reading sets it
   * (extractFromDom, the file readers, the worker's merge); hand-made snapshots may leave it out.
   */
  coverage?: Coverage;
  /** What the adapter could not read, in words a user can act on. */
  warnings: string[];
}

/** An empty snapshot, for adapters to fill and for failures to return. */
export function emptySnapshot(adapter: string, extractedAt: string): ChartSnapshot {
  return {
    source: { adapter, extractedAt },
    patient: {},
    documents: [],
    diagnoses: [],
    procedures: [],
    orders: [],
    forms: [],
    warnings: [],
  };
}
