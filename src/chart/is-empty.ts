import type { ChartSnapshot } from './snapshot.ts';

/** True when a page held nothing chart-like: no patient, documents, codes, orders or fields. */
export function isChartEmpty(snapshot: ChartSnapshot): boolean {
  return (
    Object.keys(snapshot.patient).length === 0 &&
    snapshot.documents.length === 0 &&
    snapshot.diagnoses.length === 0 &&
    snapshot.procedures.length === 0 &&
    snapshot.orders.length === 0 &&
    snapshot.forms.length === 0
  );
}
