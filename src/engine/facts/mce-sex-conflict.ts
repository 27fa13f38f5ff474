import { activeCodeTable } from '../../codes/active-table.ts';
import { claimCodeOf, codingDate } from '../../codes/chart-codes.ts';
import { dotted } from '../../codes/code-format.ts';
import { sexConflict, type AdministrativeSex } from '../../codes/validate/sex-conflict.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/**
 * The patient's sex as the MCE compares it, from the value an EHR prints: "F", "Female",
 * "female", "M", "Male" (HL7 administrative gender codes and their display names). Anything
 * else ("Unknown", "Other", "U", a gender identity) gives undefined: the MCE sex edit only
 * compares male and female, so an unreadable value must not raise it.
 */
export function administrativeSex(value: string | undefined): AdministrativeSex | undefined {
  const text = value?.trim().toLowerCase().replace(/\.$/, '');
  if (text === 'f' || text === 'female') return 'female';
  if (text === 'm' || text === 'male') return 'male';
  return undefined;
}

/**
 * The MCE sex edit the diagnosis fails for the patient's sex on the discharge date:
 * {code, requires, sex}. Undefined without a readable sex, for discharges from 1 October 2024
 * on (the MCE tables carry no sex flags since FY2025), or without a conflict.
 */
export const mceSexConflict: FactDefinition = {
  id: 'mceSexConflict',
  description: 'MCE sex conflict of the diagnosis code (discharges before 2024-10-01)',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    // The MCE edits reported codes, not a problem list.
    const code = claimCodeOf(item as CodedItem);
    const sex = administrativeSex(snapshot.patient.sex?.value);
    if (!code || !sex) return undefined;
    const conflict = sexConflict(activeCodeTable(), code, sex, codingDate(snapshot));
    return conflict && { ...conflict, code: dotted(code) };
  },
};
