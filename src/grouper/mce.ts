/**
 * The Medicare Code Editor v43.1: checks the claim's codes and demographics against the MCE
 * tables and lists each edit with the codes it names (CMS MCE definitions). Runs apart from the
 * grouper: it edits claims the grouper cannot group, and the grouper groups claims it flags.
 */
import { anyDxEdits, ageConflict, pdxEdits } from './mce-dx-edits.ts';
import { procEdits, type ClaimContext } from './mce-proc-edits.ts';
import { flagsOn, inPeriod, type MceTables } from './mce-tables.ts';
import type { Claim, MceEdit, MceResult, MceRole } from './types.ts';

/** Edits in the order the MCE reports them. */
const EDIT_ORDER = [
  'INVALID_CODE', 'SEX_CONFLICT', 'AGE_CONFLICT', 'QUESTIONABLE_ADMISSION', 'MANIFESTATION_AS_PDX', 'NONSPECIFIC_PDX',
  'E_CODE_AS_PDX', 'UNACCEPTABLE_PDX', 'DUPLICATE_OF_PDX', 'MEDICARE_IS_SECONDARY_PAYER', 'REQUIRES_SDX', 'NONSPECIFIC_OR',
  'OPEN_BIOPSY', 'NON_COVERED', 'BILATERAL', 'LIMITED_COVERAGE', 'QUESTIONABLE_OBSTETRIC_ADMISSION', 'INVALID_ADMIT_DX',
  'INVALID_AGE', 'INVALID_SEX', 'INVALID_DISCHARGE_STATUS', 'WRONG_PROCEDURE_PERFORMED', 'INCONSISTENT_WITH_LENGTH_OF_STAY',
  'UNSPECIFIED',
];
/** Edits that are informational: they do not stop payment (edit type stays NONE). */
const INFORMATIONAL = new Set(['INVALID_ADMIT_DX']);
/** The MCE accepts unknown sex (0) for discharges from FY2025 on. */
const UNKNOWN_SEX_VALID_FROM = '20241001';
const MAX_AGE = 124;

const isBlank = (code: string): boolean => /^0*$/.test(code.trim());
const compact = (iso: string): string => iso.replaceAll('-', '');

function days(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Edits one claim. */
export function editClaim(tables: MceTables, claim: Claim): MceResult {
  const date = compact(claim.dischargeDate);
  const found = new Map<string, MceEdit>();
  const raise = (edit: string, code?: string, role?: MceRole): void => {
    let e = found.get(edit);
    if (!e) {
      e = { edit, count: 0, codes: [] };
      found.set(edit, e);
    }
    e.count++;
    if (code !== undefined && role) e.codes.push({ code, role });
  };

  if (claim.admitDx !== undefined && !flagsOn(tables.dx, claim.admitDx, date)) raise('INVALID_ADMIT_DX', claim.admitDx, 'admit');
  // A blank (all-zero) principal is invalid; blank secondaries and procedures are empty slots.
  const pdxFlags = isBlank(claim.pdx.code) ? undefined : flagsOn(tables.dx, claim.pdx.code, date);
  if (!pdxFlags) raise('INVALID_CODE', claim.pdx.code, 'pdx');
  const sdx = claim.sdx.filter((d) => !isBlank(d.code));
  const procedures = claim.procedures.filter((code) => !isBlank(code));
  const sdxFlags = sdx.map((d) => flagsOn(tables.dx, d.code, date));
  sdx.forEach((d, i) => sdxFlags[i] ?? raise('INVALID_CODE', d.code, 'sdx'));
  const procFlags = procedures.map((code) => flagsOn(tables.sg, code, date));
  procedures.forEach((code, i) => procFlags[i] ?? raise('INVALID_CODE', code, 'proc'));

  const sexValid = claim.sex === 'M' || claim.sex === 'F' || (claim.sex === 'U' && date >= UNKNOWN_SEX_VALID_FROM);
  if (!sexValid) raise('INVALID_SEX');
  const status = /^\d{1,2}$/.test(claim.dischargeStatus) ? Number(claim.dischargeStatus) : NaN;
  if (!tables.dischargeStatus.some((s) => s.code === status && inPeriod(date, s.from, s.to))) raise('INVALID_DISCHARGE_STATUS');
  if (!Number.isInteger(claim.age) || claim.age < 0 || claim.age > MAX_AGE) raise('INVALID_AGE');

  if (pdxFlags) {
    for (const edit of pdxEdits(pdxFlags, sdx.length > 0)) raise(edit, claim.pdx.code, 'pdx');
    if (ageConflict(tables, pdxFlags, claim.age, date)) raise('AGE_CONFLICT', claim.pdx.code, 'pdx');
    for (const edit of anyDxEdits(pdxFlags)) raise(edit, claim.pdx.code, 'pdx');
  }
  sdx.forEach((d, i) => {
    if (d.code === claim.pdx.code) raise('DUPLICATE_OF_PDX', d.code, 'sdx');
    const flags = sdxFlags[i];
    if (!flags) return;
    for (const edit of anyDxEdits(flags)) raise(edit, d.code, 'sdx');
    if (ageConflict(tables, flags, claim.age, date)) raise('AGE_CONFLICT', d.code, 'sdx');
  });

  const ctx: ClaimContext = {
    dxFlags: new Set([...(pdxFlags ?? []), ...sdxFlags.flatMap((f) => f ?? [])]),
    sdxFlags: new Set(sdxFlags.flatMap((f) => f ?? [])),
    procFlags: new Set(procFlags.flatMap((f) => f ?? [])),
    age: claim.age,
    lengthOfStay: days(claim.admitDate, claim.dischargeDate),
  };
  procedures.forEach((code, i) => {
    const flags = procFlags[i];
    if (flags) for (const edit of procEdits(flags, ctx)) raise(edit, code, 'proc');
  });

  const edits = [...found.values()].sort((a, b) => EDIT_ORDER.indexOf(a.edit) - EDIT_ORDER.indexOf(b.edit));
  return {
    version: tables.version,
    editType: edits.some((e) => !INFORMATIONAL.has(e.edit)) ? 'PREPAYMENT' : 'NONE',
    edits,
  };
}
