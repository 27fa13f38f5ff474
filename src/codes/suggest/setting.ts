/**
 * The setting the coding guidelines apply to: Section II/III (inpatient: uncertain diagnoses at
 * discharge coded as established) or Section IV (outpatient, which includes emergency department
 * and observation visits: signs and symptoms instead). The encounter's kind when the chart gives
 * it; else a chart whose notes are an emergency department visit's, with no discharge summary,
 * is a visit (an ED arrival time is not an admission); else a chart with a discharge summary,
 * an H&P or an admission time is taken as an inpatient stay, since only a stay has those (an
 * interval history alone is not: office follow-ups are written under that heading too).
 */
import type { ChartSnapshot } from '../../chart/snapshot.ts';
import triggersJson from './context-triggers.json';
import { wordsOf } from './tokens.ts';
import type { Mention } from './types.ts';

/** Notes only a stay has. An H&P update ("interval history") is not one: office follow-up notes carry the same heading. */
const STAY_DOCUMENTS = new Set(['discharge-summary', 'history-and-physical']);
/** "Emergency Department Provider Note", "ED Physician Record", "ER visit". */
const ED_TITLE = /\b(emergency (department|room|medicine)|ed|er)\b.*\b(note|record|visit|provider|physician|documentation|chart)\b/i;

/** True when the chart is an emergency department visit's (its notes say so). */
export function isEmergencyVisit(snapshot: ChartSnapshot): boolean {
  return snapshot.documents.some((d) => ED_TITLE.test(d.title.value) || d.kind === 'ed-note');
}

/** True when the chart is coded by the inpatient rules. */
export function isInpatient(snapshot: ChartSnapshot): boolean {
  const kind = snapshot.encounter?.kind;
  if (kind) return kind === 'inpatient';
  const docs = snapshot.documents;
  if (docs.some((d) => ED_TITLE.test(d.title.value)) && !docs.some((d) => d.kind === 'discharge-summary')) return false;
  return snapshot.encounter?.admittedAt !== undefined || docs.some((d) => STAY_DOCUMENTS.has(d.kind));
}

const RESOLVED_IN_STAY = new Set((triggersJson as unknown as { resolvedInStay: string[] }).resolvedInStay.map((w) => wordsOf(w).join(' ')));

/**
 * For a stay: the mentions documented as resolved in its notes or discharge diagnoses ("AKI,
 * resolved with fluids") read as affirmed, since the condition existed and was treated during
 * the stay (Section III); chart lists (tier 0) and visits keep them historical.
 */
export function resolvedInStay(mentions: readonly Mention[], inpatient: boolean): Mention[] {
  if (!inpatient) return [...mentions];
  return mentions.map((m) =>
    m.context === 'historical' && m.trigger !== undefined && (m.at?.tier ?? 0) >= 1 && RESOLVED_IN_STAY.has(wordsOf(m.trigger).join(' ')) ? { ...m, context: 'affirmed' } : m,
  );
}
