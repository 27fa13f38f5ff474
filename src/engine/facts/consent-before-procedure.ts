import type { ScopeItems } from '../rule.ts';
import { documentWithin } from './chart-documents.ts';
import type { FactDefinition } from './fact.ts';

/** A consent document dated at or before the procedure (same day counts when one has no time). */
export const consentBeforeProcedure: FactDefinition = {
  id: 'consentBeforeProcedure',
  description: 'a consent document dated at or before the procedure',
  dependsOn: 'chart',
  scopes: ['procedure'],
  compute: ({ snapshot, item }) => {
    const performed = (item as ScopeItems['procedure']).date?.iso;
    return performed ? documentWithin(snapshot, ['consent'], performed, Number.NEGATIVE_INFINITY, 0) : undefined;
  },
};
