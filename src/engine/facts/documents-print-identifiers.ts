import { isBlank } from '../blank.ts';
import type { FactDefinition } from './fact.ts';

/**
 * Whether any document in the chart prints patient identifiers. When none does, the source
 * shows them once (a page banner, a C-CDA header) or the adapter cannot see them, and a
 * "missing identifier" on each document would be noise.
 */
export const documentsPrintIdentifiers: FactDefinition = {
  id: 'documentsPrintIdentifiers',
  description: 'some document in the chart prints patient identifiers',
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot }) =>
    snapshot.documents.some((d) => !isBlank(d.identifiers.name) || !isBlank(d.identifiers.mrn) || !isBlank(d.identifiers.dob)),
};
