/**
 * MCE sex conflict, which applies only to discharges before 1 October 2024: from FY2025 on the
 * MCE tables carry no sex flags, so a current claim gets no sex-conflict edit (DOMAIN.md). The
 * date guard states the rule; the per-period flags carry the codes.
 */
import { isoDay, mceFlagsOn } from './mce-flags.ts';
import type { CodeTable } from '../table.ts';

/** First discharge date without sex edits (FY2025). */
export const SEX_EDITS_END = '2024-10-01';

export type AdministrativeSex = 'male' | 'female';

export interface SexConflict {
  code: string;
  /** The sex the code is restricted to. */
  requires: AdministrativeSex;
  sex: AdministrativeSex;
}

/** The sex edit a diagnosis fails, for a discharge before FY2025; undefined otherwise. */
export function sexConflict(table: CodeTable, code: string, sex: AdministrativeSex, dischargeDate: string): SexConflict | undefined {
  if (isoDay(dischargeDate) >= SEX_EDITS_END) return undefined;
  const flags = mceFlagsOn(table, code, dischargeDate);
  if (!flags) return undefined;
  for (const requires of ['male', 'female'] as const) {
    if (flags.includes(requires) && sex !== requires) return { code, requires, sex };
  }
  return undefined;
}
