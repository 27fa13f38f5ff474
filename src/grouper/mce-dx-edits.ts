/**
 * MCE diagnosis edits (CMS Medicare Code Editor definitions, edits 1-10 and "Unspecified code"):
 * what the flags of a principal or secondary diagnosis say about it. The FY2025 MCE dropped the
 * sex-conflict edits, so the male/female flags raise nothing for v43.1.
 */
import { inPeriod, type MceTables } from './mce-tables.ts';

/** Age groups in the order the MCE tests them; the first one that excludes the age is the conflict. */
const AGE_GROUPS: readonly [flag: string, group: string][] = [
  ['pediatric', 'Pediatric'],
  ['newborn', 'Newborn'],
  ['maternity', 'Maternity'],
  ['adult', 'Adult'],
];

/** Age conflict: the code belongs to an age group (newborn, pediatric, maternity, adult) the age is outside of. */
export function ageConflict(tables: MceTables, flags: readonly string[], age: number, date: string): boolean {
  for (const [flag, group] of AGE_GROUPS) {
    if (!flags.includes(flag)) continue;
    const range = tables.ageRanges.find((r) => r.group === group && inPeriod(date, r.from, r.to));
    if (range && (age < range.min || age > range.max)) return true;
  }
  return false;
}

/** Edits of the principal diagnosis, in the MCE's order. */
export function pdxEdits(flags: readonly string[], hasSecondary: boolean): string[] {
  const edits: string[] = [];
  if (flags.includes('ecodepdx')) edits.push('E_CODE_AS_PDX');
  if (flags.includes('manifestation')) edits.push('MANIFESTATION_AS_PDX');
  // Z51.89 is acceptable as principal only with a secondary diagnosis.
  if (flags.includes('reqsdx')) {
    if (!hasSecondary) edits.push('REQUIRES_SDX');
  } else if (flags.includes('unacceptable')) edits.push('UNACCEPTABLE_PDX');
  if (flags.includes('qadm')) edits.push('QUESTIONABLE_ADMISSION');
  return edits;
}

/** Edits any diagnosis (principal or secondary) can carry. */
export function anyDxEdits(flags: readonly string[]): string[] {
  const edits: string[] = [];
  if (flags.includes('wrngproc')) edits.push('WRONG_PROCEDURE_PERFORMED');
  if (flags.includes('unspecified')) edits.push('UNSPECIFIED');
  return edits;
}
