/**
 * Secondary-diagnosis severity for one decision-table row (MS-DRG Definitions Manual,
 * "CC/MCC", Appendix C): the highest CC/MCC among the secondaries that count. A secondary does
 * not count when the principal's PDX-exclusion collection lists it, when it is an
 * MCC-only-if-alive code and the patient died, when it is a hospital-acquired condition (final
 * DRG only), or when the row suppresses one of its operands (e.g. DRG 280-285 do not count the
 * AMI codes themselves).
 */
import type { DxCode, PreparedClaim } from './prepare.ts';
import { Sev } from './tables.ts';

/** Why a secondary with a CC/MCC severity does or does not count, for one row. */
export type SdxCount = 'counts' | 'excluded' | 'drg-logic' | 'hac' | 'died' | 'not-cc';

export function sdxCount(d: DxCode, suppression: readonly string[], hacMet: ReadonlySet<number> | undefined): SdxCount {
  const entry = d.entry;
  if (!entry || entry.severity === Sev.NONE) return 'not-cc';
  if (d.excluded) return 'excluded';
  if (suppression.length > 0 && suppression.some((s) => entry.attrs.includes(s))) return 'drg-logic';
  if (hacMet?.has(d.order)) return 'hac';
  if (d.deathExcluded) return 'died';
  return 'counts';
}

/** Highest severity among the secondaries that count for a row with this suppression list. */
export function claimSeverity(p: PreparedClaim, suppression: readonly string[], hacMet?: ReadonlySet<number>): Sev {
  let max: Sev = Sev.NONE;
  for (const d of p.sdx) {
    if (sdxCount(d, suppression, hacMet) === 'counts' && d.entry && d.entry.severity > max) max = d.entry.severity;
  }
  return max;
}
