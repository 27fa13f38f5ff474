import { activeCodeTable } from '../../codes/active-table.ts';
import { codingDate, icd10cmCodeOf } from '../../codes/chart-codes.ts';
import { dotted } from '../../codes/code-format.ts';
import { ageConflict, ageInYears } from '../../codes/validate/age-conflict.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/**
 * The MCE age edit the diagnosis fails for the patient's age on the encounter date:
 * {code, group, minAge, maxAge, age}. Undefined without a date of birth or without a conflict.
 */
export const mceAgeConflict: FactDefinition = {
  id: 'mceAgeConflict',
  description: 'MCE age conflict of the diagnosis code (newborn, pediatric, maternity, adult)',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    const code = icd10cmCodeOf(item as CodedItem);
    const dob = snapshot.patient.dob?.iso;
    if (!code || !dob) return undefined;
    const date = codingDate(snapshot);
    const conflict = ageConflict(activeCodeTable(), code, ageInYears(dob, date), date);
    return conflict && { ...conflict, code: dotted(code) };
  },
};
