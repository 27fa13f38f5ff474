import type { ScopeItems } from '../rule.ts';
import { documentWithin } from './chart-documents.ts';
import type { FactDefinition } from './fact.ts';

/** The pre-anesthesia evaluation done within the set hours before the procedure. */
export const anesthesiaPre: FactDefinition = {
  id: 'anesthesiaPre',
  description: 'pre-anesthesia evaluation within the set hours before the procedure',
  dependsOn: 'chart',
  scopes: ['procedure'],
  compute: ({ snapshot, settings, item }) => {
    const performed = (item as ScopeItems['procedure']).date?.iso;
    return performed ? documentWithin(snapshot, ['anesthesia-pre'], performed, -settings.anesthesiaPreHours, 0) : undefined;
  },
};
