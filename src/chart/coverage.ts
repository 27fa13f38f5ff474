import type { ChartSnapshot } from './snapshot.ts';
import { thousands } from './thousands.ts';

/**
 * What a reading found and what it could not read, so that "nothing wrong" is never confused
 * with "nothing read": the panel says "All clear" only when `complete` is true, and the CLI's
 * `--strict` fails otherwise.
 */
export interface Coverage {
  /** True when the read found the patient, the chart's items, and left no chart text unread. */
  complete: boolean;
  patient: { name: boolean; mrn: boolean; dob: boolean };
  documents: { found: number; withAuthor: number; withStatus: number; withTime: number; withText: number };
  orders: { found: number; authenticated: number; withKnownStatus: number };
  codes: { diagnoses: number; procedures: number };
  /** Blocks of chart-like text the reader did not assign to any document, order or code. */
  unassigned: { blocks: number; characters: number; samples: string[] };
  /** The read stopped at its size or time budget. */
  truncated: boolean;
  /** What could not be read, in words a user can act on; empty when complete. */
  gaps: string[];
}

/** What only the reader knows (the page itself), passed to `coverageOf`. */
export interface ReadLimits {
  unassigned?: Coverage['unassigned'];
  truncated?: boolean;
}

/** Text left over on a page that is this long reads as chart content someone wrote. */
export const UNASSIGNED_MIN_CHARACTERS = 400;

/**
 * The coverage of a snapshot. Computed from what the snapshot holds (so a merged or updated
 * chart gets it anew) plus what the reader measured of the page (`limits`).
 */
export function coverageOf(snapshot: ChartSnapshot, limits: ReadLimits = snapshot.coverage ?? {}): Coverage {
  const docs = snapshot.documents;
  const orders = snapshot.orders;
  const isDocumentOnly = snapshot.source.coverage === 'document' || (snapshot.source.coverage === undefined && snapshot.source.adapter === 'ccda');
  const coverage: Coverage = {
    complete: false,
    patient: { name: Boolean(snapshot.patient.name?.value), mrn: Boolean(snapshot.patient.mrn?.value), dob: Boolean(snapshot.patient.dob?.value) },
    documents: {
      found: docs.length,
      withAuthor: docs.filter((d) => d.author?.name.value || d.signature.signer?.name.value).length,
      withStatus: docs.filter((d) => d.signature.status !== 'unknown').length,
      withTime: docs.filter((d) => d.signature.signedAt?.iso || d.createdAt?.iso || d.authoredAt?.iso).length,
      withText: docs.filter((d) => d.sections.some((s) => s.text.trim().length > 0)).length,
    },
    orders: {
      found: orders.length,
      authenticated: orders.filter((o) => o.signature.status === 'signed').length,
      withKnownStatus: orders.filter((o) => o.signature.status !== 'unknown').length,
    },
    codes: {
      diagnoses: snapshot.diagnoses.filter((d) => d.code || d.codes?.length).length,
      procedures: snapshot.procedures.filter((p) => p.code || p.codes?.length).length,
    },
    unassigned: limits.unassigned ?? { blocks: 0, characters: 0, samples: [] },
    truncated: limits.truncated ?? false,
    gaps: [],
  };
  coverage.gaps = gapsOf(coverage, snapshot, isDocumentOnly);
  coverage.complete = coverage.gaps.length === 0;
  return coverage;
}

/** The snapshot with its coverage set (a new object; the input is not changed). */
export function withCoverage(snapshot: ChartSnapshot, limits?: ReadLimits): ChartSnapshot {
  return { ...snapshot, coverage: coverageOf(snapshot, limits) };
}

function gapsOf(c: Coverage, snapshot: ChartSnapshot, isDocumentOnly: boolean): string[] {
  const gaps: string[] = [];
  const missing = [!c.patient.name && 'name', !c.patient.mrn && 'MRN', !c.patient.dob && 'date of birth'].filter(Boolean);
  // An order list or code grid names its patient too; only a worklist of many patients does not.
  if (!c.patient.name && !c.patient.mrn) gaps.push('No patient identifiers found.');
  else if (missing.length > 0 && !isDocumentOnly) gaps.push(`The patient's ${missing.join(' and ')} not found.`);
  const items = c.documents.found + c.orders.found + c.codes.diagnoses + c.codes.procedures + snapshot.forms.length;
  if (items === 0) gaps.push('No documents, orders, codes or form fields found.');
  const noStatus = c.documents.found - c.documents.withStatus;
  if (noStatus > 0) gaps.push(`${noStatus} of ${c.documents.found} document${c.documents.found === 1 ? '' : 's'} without a readable signature status.`);
  const ordersUnknown = c.orders.found - c.orders.withKnownStatus;
  if (ordersUnknown > 0) gaps.push(`${ordersUnknown} of ${c.orders.found} order${c.orders.found === 1 ? '' : 's'} without a readable authentication.`);
  if (c.unassigned.blocks > 0) {
    gaps.push(`${c.unassigned.blocks} block${c.unassigned.blocks === 1 ? '' : 's'} of chart text (${thousands(c.unassigned.characters)} characters) not assigned to any document.`);
  }
  if (c.truncated) gaps.push('The page is larger than the reading budget: only part of it was read.');
  return gaps;
}

/** One line for the panel and the CLI: "Read 5 documents, 3 with signatures; no patient identifiers found". */
export function coverageSummary(c: Coverage): string {
  const parts: string[] = [];
  const docs = c.documents;
  parts.push(`Read ${docs.found} document${docs.found === 1 ? '' : 's'}${docs.found > 0 ? `, ${docs.withStatus} with a signature status` : ''}`);
  if (c.orders.found > 0) parts.push(`${c.orders.found} order${c.orders.found === 1 ? '' : 's'} (${c.orders.authenticated} authenticated)`);
  if (c.codes.diagnoses + c.codes.procedures > 0) parts.push(`${c.codes.diagnoses} diagnosis and ${c.codes.procedures} procedure code${c.codes.procedures === 1 ? '' : 's'}`);
  const patient = c.patient.name || c.patient.mrn ? [c.patient.name && 'name', c.patient.mrn && 'MRN', c.patient.dob && 'DOB'].filter(Boolean).join(', ') : 'no patient identifiers found';
  return `${parts.join(', ')}; ${c.patient.name || c.patient.mrn ? `patient ${patient}` : patient}`;
}
