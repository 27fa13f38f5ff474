/**
 * The setting the coding guidelines apply to: Section II/III (inpatient: uncertain diagnoses at
 * discharge coded as established) or Section IV (outpatient: signs and symptoms instead). The
 * encounter's kind when the chart gives it; else a chart with a discharge summary, an H&P or an
 * admission time is taken as an inpatient stay, since only a stay has those.
 */
import type { ChartSnapshot } from '../../chart/snapshot.ts';

const STAY_DOCUMENTS = new Set(['discharge-summary', 'history-and-physical', 'hp-update']);

/** True when the chart is coded by the inpatient rules. */
export function isInpatient(snapshot: ChartSnapshot): boolean {
  const kind = snapshot.encounter?.kind;
  if (kind) return kind === 'inpatient';
  return snapshot.encounter?.admittedAt !== undefined || snapshot.documents.some((d) => STAY_DOCUMENTS.has(d.kind));
}
