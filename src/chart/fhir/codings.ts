import { systemName } from '../ccda/code-systems.ts';
import type { Code } from '../snapshot.ts';
import { arr, obj, str } from './json.ts';

/** FHIR code system URIs to the names the rule packs and code tables use. */
const SYSTEMS: Record<string, string> = {
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://www.cms.gov/Medicare/Coding/ICD10': 'ICD-10-PCS',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://hl7.org/fhir/sid/icd-9-cm': 'ICD-9-CM',
  'http://snomed.info/sct': 'SNOMED CT',
  'http://www.ama-assn.org/go/cpt': 'CPT',
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets': 'HCPCS',
  'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets': 'HCPCS',
  'http://loinc.org': 'LOINC',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
};

/** The chartlint name of a FHIR system URI (`urn:oid:` URIs resolve like C-CDA OIDs). */
export function fhirSystemName(uri: string): string {
  if (uri.startsWith('urn:oid:')) return systemName(uri.slice(8));
  return SYSTEMS[uri] ?? uri;
}

/** The codings of a CodeableConcept as Codes, ordered by system preference. */
export function codesOfConcept(concept: unknown, order: readonly string[]): Code[] {
  const codes = arr(obj(concept)?.coding).flatMap((coding): Code[] => {
    const c = obj(coding);
    const system = str(c?.system);
    const code = str(c?.code);
    if (!system || !code) return [];
    const display = str(c?.display);
    return [{ system: fhirSystemName(system), code, ...(display && { display }) }];
  });
  const rank = (c: Code) => (order.includes(c.system) ? order.indexOf(c.system) : order.length);
  return codes.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

/** The words of a CodeableConcept: its text, else its first coding's display. */
export function conceptText(concept: unknown): string | undefined {
  const c = obj(concept);
  return str(c?.text) ?? arr(c?.coding).map((x) => str(obj(x)?.display)).find(Boolean);
}

/** The first coding code of a CodeableConcept (for status-like concepts). */
export function firstCode(concept: unknown): string | undefined {
  return arr(obj(concept)?.coding).map((x) => str(obj(x)?.code)).find(Boolean);
}
