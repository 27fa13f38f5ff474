/**
 * MCE age conflict: newborn (0), pediatric (0-17), maternity (9-64; 12-55 before 2019-10-01)
 * and adult (15-124) diagnoses reported for a patient outside that age on the discharge date.
 * The age ranges come from the MCE tables themselves, with their own validity dates.
 */
import { isoDay, mceFlagsOn } from './mce-flags.ts';
import type { MceAgeRange } from '../mce.ts';
import type { CodeTable } from '../table.ts';

const AGE_FLAGS: Record<string, string> = { newborn: 'Newborn', pediatric: 'Pediatric', maternity: 'Maternity', adult: 'Adult' };

export interface AgeConflict {
  code: string;
  group: string;
  minAge: number;
  maxAge: number;
  age: number;
}

/** The age edit a diagnosis fails for a patient of `ageYears` at discharge, if any. */
export function ageConflict(table: CodeTable, code: string, ageYears: number, date: string): AgeConflict | undefined {
  const info = table.mceInfo;
  const flags = mceFlagsOn(table, code, date);
  if (!info || !flags) return undefined;
  for (const flag of flags) {
    const group = AGE_FLAGS[flag];
    if (!group) continue;
    const range = rangeOn(info.ageRanges, group, isoDay(date));
    if (range && (ageYears < range.minAge || ageYears > range.maxAge)) {
      return { code, group, minAge: range.minAge, maxAge: range.maxAge, age: ageYears };
    }
  }
  return undefined;
}

function rangeOn(ranges: readonly MceAgeRange[], group: string, day: string): MceAgeRange | undefined {
  return ranges.find((r) => r.group === group && r.from <= day && (r.to === '' || day <= r.to));
}

/** Whole years between a date of birth and a date (both ISO). */
export function ageInYears(dateOfBirth: string, on: string): number {
  const [by = 0, bm = 0, bd = 0] = isoDay(dateOfBirth).split('-').map(Number);
  const [y = 0, m = 0, d = 0] = isoDay(on).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
