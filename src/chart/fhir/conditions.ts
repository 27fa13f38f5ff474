import { parseClinicalDate } from '../dates.ts';
import type { CodedItem } from '../snapshot.ts';
import { codesOfConcept, conceptText, firstCode } from './codings.ts';
import { arr, fieldAt, fieldOf, step } from './json.ts';
import type { Located } from './resources.ts';

const DIAGNOSIS_SYSTEMS = ['ICD-10-CM', 'SNOMED CT', 'ICD-9-CM', 'ICD-10'] as const;

/**
 * Conditions as diagnoses. Role: what the Encounter says of it (admitting, final, principal),
 * else its category (encounter-diagnosis → encounter, problem-list-item → problem). Status:
 * 'negated' when refuted, else the clinical status.
 */
export function readConditions(conditions: Located[], roles: Map<string, string>): CodedItem[] {
  return conditions.flatMap(({ resource, pointer }, i): CodedItem[] => {
    const codes = codesOfConcept(resource.code, DIAGNOSIS_SYSTEMS);
    const words = conceptText(resource.code) ?? codes[0]?.code;
    if (!words) return [];
    const category = arr(resource.category).map(firstCode).find(Boolean);
    const item: CodedItem = {
      id: `fhir-dx-${i + 1}`,
      text: fieldOf(words, step(pointer, 'code')),
      role: roles.get(pointer) ?? (category === 'encounter-diagnosis' ? 'encounter' : category === 'problem-list-item' ? 'problem' : 'other'),
      status: firstCode(resource.verificationStatus) === 'refuted' ? 'negated' : (firstCode(resource.clinicalStatus) ?? 'unknown'),
      source: { pointer, text: words },
    };
    if (codes[0]) item.code = codes[0];
    if (codes.length > 0) item.codes = codes;
    const onset = fieldAt(resource, 'onsetDateTime', pointer, parseClinicalDate) ?? fieldAt(resource, 'recordedDate', pointer, parseClinicalDate);
    if (onset) item.date = onset;
    return [item];
  });
}

