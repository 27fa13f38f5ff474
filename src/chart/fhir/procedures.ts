import { parseClinicalDate } from '../dates.ts';
import type { CodedItem } from '../snapshot.ts';
import { codesOfConcept, conceptText } from './codings.ts';
import { arr, fieldAt, fieldOf, obj, step, str } from './json.ts';
import { personAt } from './people.ts';
import type { Located, ResourceIndex } from './resources.ts';

const PROCEDURE_SYSTEMS = ['ICD-10-PCS', 'CPT', 'HCPCS', 'SNOMED CT', 'ICD-9-CM-PCS'] as const;

/** Procedures with their codes (ICD-10-PCS, CPT, HCPCS first), date, status and performer. */
export function readFhirProcedures(procedures: Located[], index: ResourceIndex): CodedItem[] {
  return procedures.flatMap(({ resource, pointer }, i): CodedItem[] => {
    const codes = codesOfConcept(resource.code, PROCEDURE_SYSTEMS);
    const words = conceptText(resource.code) ?? codes[0]?.code;
    if (!words) return [];
    const item: CodedItem = {
      id: `fhir-px-${i + 1}`,
      text: fieldOf(words, step(pointer, 'code')),
      status: str(resource.status) ?? 'unknown',
      source: { pointer, text: words },
    };
    if (codes[0]) item.code = codes[0];
    if (codes.length > 0) item.codes = codes;
    const date = fieldAt(resource, 'performedDateTime', pointer, parseClinicalDate)
      ?? fieldAt(obj(resource.performedPeriod), 'start', step(pointer, 'performedPeriod'), parseClinicalDate);
    if (date) item.date = date;
    const performer = personAt(obj(arr(resource.performer)[0])?.actor, step(step(step(pointer, 'performer'), 0), 'actor'), index);
    if (performer) item.performer = performer;
    return [item];
  });
}
