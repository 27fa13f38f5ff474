/**
 * The claim the grouper sees for an open inpatient chart: its principal and secondary
 * diagnoses (coded diagnoses on the claim's lists, else the coding form's diagnosis fields),
 * its ICD-10-PCS procedures, the codes the coder accepted, and the patient's age, sex and
 * discharge status. What the chart does not say is assumed, and each assumption is named so
 * that the panel can show it beside the DRG.
 */
import type { ChartSnapshot, CodedItem } from '../chart/snapshot.ts';
import { claimDiagnoses } from '../codes/chart-codes.ts';
import { ICD10PCS_PATTERN, normalizeCode } from '../codes/code-format.ts';
import { ageInYears } from '../codes/validate/age-conflict.ts';
import type { Claim, ClaimDiagnosis } from './types.ts';

/** A code the coder accepted; `replaces` are the chart codes its suggestion stands in for. */
export interface AcceptedCode {
  system: string;
  code: string;
  replaces?: readonly string[];
}

export interface ChartClaim {
  claim: Claim;
  /** What the chart did not give and the claim assumes, in words. */
  assumed: string[];
}

const PCS_SYSTEMS = new Set(['icd-10-pcs', 'icd10pcs', 'http://www.cms.gov/medicare/coding/icd10', '2.16.840.1.113883.6.4', 'urn:oid:2.16.840.1.113883.6.4']);
const CM_SYSTEMS = new Set(['icd-10-cm', 'icd10cm', 'http://hl7.org/fhir/sid/icd-10-cm', '2.16.840.1.113883.6.90', 'urn:oid:2.16.840.1.113883.6.90']);
const isSystem = (systems: ReadonlySet<string>, system: string): boolean => systems.has(system.trim().toLowerCase());

const DIAGNOSIS_FIELD = /diagnos|icd|\bdx\b/i;
const PRINCIPAL_FIELD = /principal|primary|first[- ]listed/i;
const ADMITTING_FIELD = /admit/i;
const PROCEDURE_FIELD = /procedure|pcs/i;
const DISCHARGE_FIELD = /discharge\s*(disposition|status)|disposition/i;
const CM_IN_TEXT = /\b[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?\b/g;
const PCS_IN_TEXT = /\b[0-9A-HJ-NP-Z]{7}\b/g;

/**
 * UB-04 patient discharge status from the wording of a disposition field, when it does not
 * start with the two-digit code itself (most-specific wording first).
 */
const DISPOSITION_WORDS: readonly [RegExp, string][] = [
  [/expired|died|deceased/i, '20'],
  [/against medical advice|\bama\b/i, '07'],
  [/home health/i, '06'],
  [/skilled nursing|\bsnf\b/i, '03'],
  [/intermediate care/i, '04'],
  [/(short[- ]term|acute care) hospital|transfer/i, '02'],
  [/rehab/i, '62'],
  [/long[- ]term care hospital|\bltch\b/i, '63'],
  [/hospice/i, '50'],
  [/home|self[- ]care/i, '01'],
];

/** The status the claim assumes when the chart names none: discharged home. */
export const ASSUMED_DISCHARGE_STATUS = '01';
/** The age assumed when the chart gives no date of birth (an adult Medicare patient). */
export const ASSUMED_AGE = 65;

function dischargeStatusOf(snapshot: ChartSnapshot): string | undefined {
  for (const field of snapshot.forms) {
    if (!DISCHARGE_FIELD.test(field.label)) continue;
    const value = field.value.trim();
    if (value === '') continue;
    const code = /^(\d{2})\b/.exec(value)?.[1];
    if (code) return code;
    const worded = DISPOSITION_WORDS.find(([words]) => words.test(value));
    if (worded) return worded[1];
  }
  return undefined;
}

function sexOf(value: string | undefined): 'M' | 'F' | undefined {
  const text = value?.trim().toLowerCase().replace(/\.$/, '');
  if (text === 'f' || text === 'female') return 'F';
  if (text === 'm' || text === 'male') return 'M';
  return undefined;
}

function pcsCodeOf(item: CodedItem): string | undefined {
  for (const code of item.codes ?? (item.code ? [item.code] : [])) {
    const c = normalizeCode(code.code);
    if (isSystem(PCS_SYSTEMS, code.system) && ICD10PCS_PATTERN.test(c)) return c;
  }
  return undefined;
}

/** The chart's own diagnosis codes for the claim: principal first, then the secondaries. */
function chartDiagnoses(snapshot: ChartSnapshot): { principal?: ClaimDiagnosis; secondaries: ClaimDiagnosis[]; admitDx?: string } {
  const listed = claimDiagnoses(snapshot);
  const first = listed[0];
  if (first?.item.role === 'principal') {
    return { principal: { code: first.code, poa: first.item.poa ?? '' }, secondaries: listed.slice(1).map(({ item, code }) => ({ code, poa: item.poa ?? '' })) };
  }
  // No coded principal: the coding form's fields ("Principal diagnosis", "Secondary diagnoses").
  let principal: ClaimDiagnosis | undefined;
  let admitDx: string | undefined;
  const secondaries: ClaimDiagnosis[] = listed.map(({ item, code }) => ({ code, poa: item.poa ?? '' }));
  for (const field of snapshot.forms) {
    if (!DIAGNOSIS_FIELD.test(field.label)) continue;
    const codes = (field.value.toUpperCase().match(CM_IN_TEXT) ?? []).map(normalizeCode);
    if (ADMITTING_FIELD.test(field.label)) admitDx ??= codes[0];
    else if (PRINCIPAL_FIELD.test(field.label) && !principal && codes[0]) {
      principal = { code: codes[0], poa: '' };
      secondaries.push(...codes.slice(1).map((code) => ({ code, poa: '' })));
    } else secondaries.push(...codes.map((code) => ({ code, poa: '' })));
  }
  return { ...(principal ? { principal } : {}), secondaries, ...(admitDx ? { admitDx } : {}) };
}

function chartProcedures(snapshot: ChartSnapshot): string[] {
  const codes = snapshot.procedures.flatMap((p) => pcsCodeOf(p) ?? []);
  for (const field of snapshot.forms) {
    if (PROCEDURE_FIELD.test(field.label)) codes.push(...(field.value.toUpperCase().match(PCS_IN_TEXT) ?? []));
  }
  return codes;
}

/**
 * The claim of an inpatient chart, or why there is none (not inpatient, no principal diagnosis).
 * Accepted codes go on as secondaries (or procedures), in place of the codes they replace; an
 * accepted code that replaces the principal becomes the principal.
 */
export function claimFromChart(snapshot: ChartSnapshot, accepted: readonly AcceptedCode[]): ChartClaim | { reason: string } {
  if (snapshot.encounter?.kind !== 'inpatient') return { reason: 'the chart is not an inpatient stay' };
  const assumed: string[] = [];
  const dx = chartDiagnoses(snapshot);
  let principal = dx.principal;
  let secondaries = dx.secondaries;
  const procedures = chartProcedures(snapshot);
  for (const a of accepted) {
    const code = normalizeCode(a.code);
    if (isSystem(PCS_SYSTEMS, a.system)) {
      if (!procedures.includes(code)) procedures.push(code);
      continue;
    }
    if (!isSystem(CM_SYSTEMS, a.system)) continue;
    const replaced = new Set((a.replaces ?? []).map(normalizeCode));
    if (principal && replaced.has(principal.code)) principal = { code, poa: principal.poa ?? '' };
    else if (principal?.code !== code && !secondaries.some((d) => d.code === code)) secondaries.push({ code, poa: '' });
    secondaries = secondaries.filter((d) => !replaced.has(d.code));
  }
  if (!principal) return { reason: 'the chart names no principal diagnosis (ICD-10-CM)' };
  // One line per code, the principal not repeated (the MCE would flag a duplicate; the grouper ignores it).
  const seen = new Set([principal.code]);
  secondaries = secondaries.filter((d) => {
    if (seen.has(d.code)) return false;
    seen.add(d.code);
    return true;
  });

  const blankPoa = [principal, ...secondaries].some((d) => (d.poa ?? '') === '');
  if (blankPoa) assumed.push('present on admission (Y) where the chart gives no POA indicator');
  const withPoa = (d: ClaimDiagnosis): ClaimDiagnosis => ({ code: d.code, poa: (d.poa ?? '') === '' ? 'Y' : (d.poa ?? 'Y') });

  const e = snapshot.encounter;
  const today = snapshot.source.extractedAt.slice(0, 10);
  const admitDate = e.admittedAt?.iso?.slice(0, 10) ?? today;
  if (!e.admittedAt?.iso) assumed.push(`admission on ${admitDate} (no admission date read)`);
  const dischargeDate = e.dischargedAt?.iso?.slice(0, 10) ?? (today > admitDate ? today : admitDate);
  if (!e.dischargedAt?.iso) assumed.push(`discharge on ${dischargeDate} (not discharged yet)`);
  const dob = snapshot.patient.dob?.iso;
  const age = dob ? ageInYears(dob, admitDate) : ASSUMED_AGE;
  if (!dob) assumed.push(`age ${ASSUMED_AGE} (no date of birth read)`);
  const sex = sexOf(snapshot.patient.sex?.value);
  if (!sex) assumed.push('sex unknown (U)');
  const status = dischargeStatusOf(snapshot);
  if (!status) assumed.push(`discharge status ${ASSUMED_DISCHARGE_STATUS}, home or self care (none on the chart)`);

  const claim: Claim = {
    id: 'working',
    age,
    sex: sex ?? 'U',
    dischargeStatus: status ?? ASSUMED_DISCHARGE_STATUS,
    admitDate,
    dischargeDate,
    pdx: withPoa(principal),
    sdx: secondaries.map(withPoa),
    procedures,
    ...(dx.admitDx ? { admitDx: dx.admitDx } : {}),
  };
  return { claim, assumed };
}

/** The ICD-10-CM code of a finding's suggested code, normalized; undefined for other systems. */
export function cmCodeOf(system: string, code: string): string | undefined {
  return isSystem(CM_SYSTEMS, system) ? normalizeCode(code) : undefined;
}
