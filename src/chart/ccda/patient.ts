import type { ChartSnapshot, Field } from '../snapshot.ts';
import { readName } from './names.ts';
import { timeField } from './time.ts';
import { at, attr, kid, kids, xmlRef } from './xml.ts';

type Patient = ChartSnapshot['patient'];

/** The US Social Security Number OID: an identifier, but not the record number to show. */
const SSN = '2.16.840.1.113883.4.1';

const SEX: Record<string, string> = { F: 'Female', M: 'Male', UN: 'Undifferentiated' };

/**
 * The patient from the header's first recordTarget: name (the legal one when marked), record
 * number (first patientRole/id that is not an SSN), birthTime, administrativeGenderCode.
 * What is missing or nullFlavored goes to `warnings`.
 */
export function readPatient(doc: Element, warnings: string[]): Patient {
  const patient: Patient = {};
  const targets = kids(doc, 'recordTarget');
  if (targets.length > 1) warnings.push(`The document has ${targets.length} recordTargets; only the first patient was read.`);
  const role = at(targets[0], 'patientRole');
  if (!role) {
    warnings.push('The document has no recordTarget/patientRole: it names no patient.');
    return patient;
  }
  const mrn = recordNumber(role);
  if (mrn) patient.mrn = mrn;
  else warnings.push('The patient has no identifier (recordTarget/patientRole/id).');

  const person = kid(role, 'patient');
  const names = kids(person, 'name');
  const nameEl = names.find((n) => /\bL\b/.test(n.getAttribute('use') ?? '')) ?? names[0];
  const name = readName(nameEl);
  if (name && nameEl) patient.name = { value: name.name, source: xmlRef(nameEl, name.name) };
  else warnings.push(`The patient's name is not given${nullFlavor(nameEl)}.`);

  const birth = kid(person, 'birthTime');
  const dob = timeField(birth);
  if (dob) patient.dob = dob;
  else warnings.push(`The patient's date of birth is not given${nullFlavor(birth)}.`);

  const gender = kid(person, 'administrativeGenderCode');
  const code = attr(gender, 'code');
  const sex = attr(gender, 'displayName') ?? (code ? (SEX[code] ?? code) : undefined);
  if (gender && sex) patient.sex = { value: sex, source: xmlRef(gender, sex) };
  return patient;
}

function recordNumber(role: Element): Field | undefined {
  const ids = kids(role, 'id').filter((id) => !attr(id, 'nullFlavor') && (attr(id, 'extension') ?? attr(id, 'root')));
  // An SSN or a Direct address is an identifier, but not the record number staff look for.
  const id = ids.find((i) => attr(i, 'root') !== SSN && !attr(i, 'extension')?.includes('@')) ?? ids[0];
  if (!id) return undefined;
  const extension = attr(id, 'extension');
  const root = attr(id, 'root');
  const value = extension ?? root ?? '';
  return { value, source: xmlRef(id, extension && root ? `${extension} (${root})` : value) };
}

function nullFlavor(el: Element | undefined): string {
  const flavor = attr(el, 'nullFlavor');
  return flavor ? ` (nullFlavor ${flavor})` : '';
}
