/**
 * Codes whose titles split by the patient's sex where the words do not: a breast cancer is
 * found as the female code (C50.-1-, by far the more frequent) and moved to the male code
 * (C50.-2-) when the chart records the patient as male. The MCE sex edit would flag the other.
 */
import type { ChartSnapshot } from '../../chart/snapshot.ts';
import type { Mention } from './types.ts';

const FEMALE_BREAST = /^(C50\d)1(\d)$/;
const MALE = /^\s*(m|male|man)\s*$/i;

/** Moves, in place, the female breast codes of a male patient to their male codes, when `exists`. */
export function settlePatientSex(current: Map<string, Mention[]>, snapshot: ChartSnapshot, exists: (code: string) => boolean): void {
  if (!MALE.test(snapshot.patient.sex?.value ?? '')) return;
  for (const [code, ms] of [...current]) {
    const m = FEMALE_BREAST.exec(code);
    const male = m ? `${m[1]}2${m[2]}` : undefined;
    if (!male || !exists(male)) continue;
    current.delete(code);
    current.set(male, [...(current.get(male) ?? []), ...ms]);
  }
}
