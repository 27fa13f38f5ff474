import type { ScopeItems } from '../rule.ts';
import { documentWithin } from './chart-documents.ts';
import type { FactDefinition } from './fact.ts';

/** The post-anesthesia evaluation done within the set hours after the procedure. */
export const anesthesiaPost: FactDefinition = {
  id: 'anesthesiaPost',
  description: 'post-anesthesia evaluation within the set hours after the procedure',
  dependsOn: 'chart',
  scopes: ['procedure'],
  compute: ({ snapshot, settings, item }) => {
    const performed = (item as ScopeItems['procedure']).date?.iso;
    return performed ? documentWithin(snapshot, ['anesthesia-post'], performed, 0, settings.anesthesiaPostHours) : undefined;
  },
};
