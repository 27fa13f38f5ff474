/**
 * When each diagnosis statement of a chart was made, so that a later statement can overrule an
 * earlier one ("suspected pneumonia" on admission, "pneumonia ruled out" two days later).
 *
 * Statements fall in three tiers: the chart's lists (problem list, admitting diagnosis), which
 * carry over from before the stay and are overruled by any note; the notes of the stay, in
 * time order; and the discharge or final diagnoses, which win over every note, since they are
 * what the provider concluded at the end (Section III.C speaks of "the time of discharge").
 */
import { toEpoch } from '../../chart/dates.ts';
import type { ChartDocument, CodedItem, Section } from '../../chart/snapshot.ts';

/** Where a statement stands in the chart's timeline. */
export interface Stamp {
  /** 0: lists carried over (problem list, admitting diagnosis); 1: notes; 2: discharge / final diagnoses. */
  tier: 0 | 1 | 2;
  /** Epoch ms of the document, own or inferred; -Infinity when nothing places it. */
  time: number;
  /** False when `time` was inferred from chart order (the document carries no date). */
  dated: boolean;
  /** Chart order, to break ties. */
  seq: number;
  /** Statements of one group (one note; all lists; all final diagnoses) count as made together. */
  group: string;
}

/** Sections that give the diagnoses at discharge: LOINC hospital discharge Dx / discharge diagnosis. */
const FINAL_LOINC = new Set(['11535-2', '78375-3']);
const FINAL_TITLE = /\b(discharge|final)\b.*\bdiagnos[ie]s\b|\bdiagnos[ie]s\b.*\bat discharge\b/i;
/** A discharge summary also gives its final diagnoses under the headings of the claim's roles. */
const SUMMARY_FINAL_TITLE = /\b(principal|secondary)\s+diagnos[ie]s\b|^\W*(principal|secondary)\W*$/i;
/** Sections that give the diagnoses at admission: LOINC hospital admission Dx, or the title says so. */
const ADMISSION_LOINC = new Set(['46241-6']);
const ADMISSION_TITLE = /\badmi(t|ssion)/i;
/** A pathology or imaging report's "final diagnosis" is a finding of that study, not the stay's conclusion. */
const STUDY_KINDS = new Set(['pathology-report', 'imaging-report']);
/** Kinds written at admission: without a date they still come first. */
const ADMISSION_KINDS = new Set(['history-and-physical', 'hp-update']);
const FINAL_ROLES = new Set(['final']);

/** The document's own time: when written, else when signed. */
export function documentTime(doc: ChartDocument): number | undefined {
  for (const field of [doc.authoredAt, doc.createdAt, doc.signature.signedAt]) {
    const t = field?.iso ? toEpoch(field.iso) : undefined;
    if (t !== undefined) return t;
  }
  return undefined;
}

/**
 * True when a section of this document states the diagnoses at discharge. Only the sections
 * that say so, even in a discharge summary: its "Admission diagnoses" are what was thought at
 * admission, not what the provider concluded.
 */
export function isFinalSection(doc: ChartDocument, section: Pick<Section, 'title' | 'code'>): boolean {
  if (STUDY_KINDS.has(doc.kind)) return false;
  if ((section.code !== undefined && FINAL_LOINC.has(section.code)) || FINAL_TITLE.test(section.title)) return true;
  return doc.kind === 'discharge-summary' && SUMMARY_FINAL_TITLE.test(section.title);
}

/** True when a section of a discharge summary restates the diagnoses at admission. */
export function isAdmissionSection(doc: ChartDocument, section: Pick<Section, 'title' | 'code'>): boolean {
  return doc.kind === 'discharge-summary' && ((section.code !== undefined && ADMISSION_LOINC.has(section.code)) || ADMISSION_TITLE.test(section.title));
}

/**
 * The time of every document, in chart order. An undated document is taken to be written no
 * earlier than the document before it in the chart (EHRs list notes in the order written when
 * they give no date), except an H&P, which is written at admission.
 */
export function documentTimes(documents: readonly ChartDocument[]): { time: number; dated: boolean }[] {
  let latest = -Infinity;
  return documents.map((doc) => {
    const own = documentTime(doc);
    if (own !== undefined) {
      latest = Math.max(latest, own);
      return { time: own, dated: true };
    }
    return { time: ADMISSION_KINDS.has(doc.kind) ? -Infinity : latest, dated: false };
  });
}

/**
 * The stamp of a section's statements. A discharge summary's admission diagnoses are a note's
 * statements made at admission, not when the summary was written: a recap of "Pneumonia" on
 * admission must not overrule a progress note's "pneumonia ruled out" two days later.
 */
export function sectionStamp(doc: ChartDocument, section: Section, when: { time: number; dated: boolean }, seq: number): Stamp {
  const final = isFinalSection(doc, section);
  const at = !final && isAdmissionSection(doc, section) ? { time: -Infinity, dated: when.dated } : when;
  return { tier: final ? 2 : 1, ...at, seq, group: final ? 'final' : `document:${doc.id}` };
}

/** The stamp of a coded diagnosis's text: final diagnoses win, every other list is carried over. */
export function listStamp(dx: Pick<CodedItem, 'role'>, seq: number): Stamp {
  const final = dx.role !== undefined && FINAL_ROLES.has(dx.role);
  return { tier: final ? 2 : 0, time: -Infinity, dated: false, seq, group: final ? 'final' : 'lists' };
}

/** Sorts stamps: tier, then time, then chart order. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a.tier - b.tier || (a.time === b.time ? 0 : a.time < b.time ? -1 : 1) || a.seq - b.seq;
}
