import type { Code } from '../snapshot.ts';
import { attr, kid, kids } from './xml.ts';

/**
 * Code-system OIDs to the names the rule packs and code tables use. Resolved by OID, never by
 * `codeSystemName`, which examples write freely ("SNOMED-CT", "ICD-10 Diagnosis", and even
 * "HCPCS" on the CDT OID 2.16.840.1.113883.6.13).
 */
const SYSTEMS: Record<string, string> = {
  '2.16.840.1.113883.6.90': 'ICD-10-CM',
  '2.16.840.1.113883.6.4': 'ICD-10-PCS',
  '2.16.840.1.113883.6.3': 'ICD-10',
  '2.16.840.1.113883.6.103': 'ICD-9-CM',
  '2.16.840.1.113883.6.104': 'ICD-9-CM-PCS',
  '2.16.840.1.113883.6.96': 'SNOMED CT',
  '2.16.840.1.113883.6.12': 'CPT',
  '2.16.840.1.113883.6.14': 'HCPCS',
  '2.16.840.1.113883.6.285': 'HCPCS',
  '2.16.840.1.113883.6.13': 'CDT',
  '2.16.840.1.113883.6.1': 'LOINC',
  '2.16.840.1.113883.6.88': 'RxNorm',
  '2.16.840.1.113883.12.292': 'CVX',
  '2.16.840.1.113883.6.101': 'NUCC',
};

/** The chartlint name of a code system OID; unknown OIDs stay as the OID. */
export function systemName(oid: string): string {
  return SYSTEMS[oid] ?? oid;
}

/** The code an element carries (`<code>`/`<value>` with code and codeSystem), if any. */
export function codeOf(el: Element | undefined): Code | undefined {
  const code = attr(el, 'code');
  const oid = attr(el, 'codeSystem');
  if (!el || !code || !oid) return undefined;
  const result: Code = { system: systemName(oid), code };
  const display = attr(el, 'displayName');
  if (display) result.display = display;
  return result;
}

/** A coded element's own code followed by its translations (a nullFlavor code keeps only those). */
export function codesOf(el: Element | undefined): Code[] {
  if (!el) return [];
  const own = codeOf(el);
  const translations = kids(el, 'translation').flatMap((t) => codeOf(t) ?? []);
  return own ? [own, ...translations] : translations;
}

/**
 * The code to show first, by system preference (ICD-10-CM for diagnoses, ICD-10-PCS/CPT for
 * procedures), else the element's own code; the others stay in the returned list.
 */
export function preferred(codes: Code[], order: readonly string[]): Code[] {
  const rank = (c: Code) => {
    const i = order.indexOf(c.system);
    return i === -1 ? order.length : i;
  };
  const best = codes.reduce<Code | undefined>((acc, c) => (acc === undefined || rank(c) < rank(acc) ? c : acc), undefined);
  return best ? [best, ...codes.filter((c) => c !== best)] : [];
}

/** `originalText/reference/@value` of a coded element: where its words sit in the narrative. */
export function originalTextReference(el: Element | undefined): string | undefined {
  return attr(kid(kid(el, 'originalText'), 'reference'), 'value');
}
