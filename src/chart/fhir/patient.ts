import { parseClinicalDate } from '../dates.ts';
import type { ChartSnapshot } from '../snapshot.ts';
import { arr, fieldAt, fieldOf, obj, step, str } from './json.ts';
import { humanName, preferredName } from './people.ts';
import type { Located } from './resources.ts';

const SEX: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };

/** The Patient: name, MRN (the identifier typed MR, else the first), birthDate, gender. */
export function readFhirPatient(located: Located | undefined, warnings: string[]): ChartSnapshot['patient'] {
  const patient: ChartSnapshot['patient'] = {};
  if (!located) {
    warnings.push('The FHIR input holds no Patient resource.');
    return patient;
  }
  const { resource, pointer } = located;
  const chosen = preferredName(resource);
  const name = chosen && humanName(chosen.name);
  if (chosen && name) patient.name = fieldOf(name, step(step(pointer, 'name'), chosen.index));
  else warnings.push("The patient's name is not given.");

  const identifiers = arr(resource.identifier);
  const isMrn = (id: unknown) => arr(obj(obj(id)?.type)?.coding).some((c) => obj(c)?.code === 'MR');
  const mrnIndex = Math.max(0, identifiers.findIndex(isMrn));
  const mrn = fieldAt(obj(identifiers[mrnIndex]), 'value', step(step(pointer, 'identifier'), mrnIndex));
  if (mrn) patient.mrn = mrn;
  else warnings.push('The patient has no identifier.');

  const dob = fieldAt(resource, 'birthDate', pointer, parseClinicalDate);
  if (dob) patient.dob = dob;
  else warnings.push("The patient's date of birth is not given.");

  const gender = str(resource.gender);
  if (gender) patient.sex = fieldOf(SEX[gender] ?? gender, step(pointer, 'gender'));
  return patient;
}
