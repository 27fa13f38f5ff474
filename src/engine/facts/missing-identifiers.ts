import { isBlank } from '../blank.ts';
import type { ScopeItems } from '../rule.ts';
import type { FactDefinition } from './fact.ts';

/** Which of patient name, MRN and date of birth the document itself does not print. */
export const missingIdentifiers: FactDefinition = {
  id: 'missingIdentifiers',
  description: 'patient identifiers (name, MRN, DOB) not printed on the document',
  dependsOn: 'item',
  scopes: ['document'],
  compute: ({ item }) => {
    const ids = (item as ScopeItems['document']).identifiers;
    const missing: string[] = [];
    if (isBlank(ids.name)) missing.push('name');
    if (isBlank(ids.mrn)) missing.push('MRN');
    if (isBlank(ids.dob)) missing.push('date of birth');
    return missing;
  },
};
