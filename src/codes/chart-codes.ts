/**
 * Where coding checks read the chart: which diagnoses carry an ICD-10-CM code, and the date a
 * code must be valid on (discharge, else admission, else when the chart was read).
 */
import type { ChartSnapshot, CodedItem } from '../chart/snapshot.ts';
import { normalizeCode } from './code-format.ts';

/** How sources name ICD-10-CM: plain name, FHIR system URI, HL7 OID. */
const ICD10CM_SYSTEMS = new Set(['icd-10-cm', 'icd10cm', 'http://hl7.org/fhir/sid/icd-10-cm', '2.16.840.1.113883.6.90', 'urn:oid:2.16.840.1.113883.6.90']);

/** The normalized ICD-10-CM code of a coded item, or undefined (no code, another system). */
export function icd10cmCodeOf(item: CodedItem): string | undefined {
  const code = item.code;
  if (!code?.code || !ICD10CM_SYSTEMS.has(code.system.trim().toLowerCase())) return undefined;
  return normalizeCode(code.code);
}

/** The diagnosis lists that go on the claim; a problem list does not, and the MCE edits reported codes. */
const CLAIM_ROLES: ReadonlySet<string> = new Set(['principal', 'secondary', 'final']);

/** The ICD-10-CM code of a diagnosis reported on the claim; undefined for problem-list entries. */
export function claimCodeOf(item: CodedItem): string | undefined {
  return CLAIM_ROLES.has(item.role ?? '') ? icd10cmCodeOf(item) : undefined;
}

/** The claim's diagnoses with their ICD-10-CM codes, the principal first (wherever the chart lists it). */
export function claimDiagnoses(snapshot: ChartSnapshot): { item: CodedItem; code: string }[] {
  return snapshot.diagnoses
    .flatMap((item) => {
      const code = claimCodeOf(item);
      return code ? [{ item, code }] : [];
    })
    .sort((a, b) => Number(b.item.role === 'principal') - Number(a.item.role === 'principal'));
}

/** The date codes are judged on (ISO day). */
export function codingDate(snapshot: ChartSnapshot): string {
  const e = snapshot.encounter;
  return (e?.dischargedAt?.iso ?? e?.admittedAt?.iso ?? snapshot.source.extractedAt).slice(0, 10);
}

/** The principal diagnosis's ICD-10-CM code, if the chart names one. */
export function principalCodeOf(snapshot: ChartSnapshot): string | undefined {
  const principal = snapshot.diagnoses.find((d) => d.role === 'principal' && icd10cmCodeOf(d));
  return principal && icd10cmCodeOf(principal);
}
