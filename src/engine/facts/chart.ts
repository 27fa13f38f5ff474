import type { FactDefinition } from './fact.ts';

/** The whole ChartSnapshot (patient, encounter, documents, ...). */
export const chart: FactDefinition = {
  id: 'chart',
  description: 'the whole chart snapshot',
  dependsOn: 'chart',
  perChart: true,
  compute: (context) => context.snapshot,
};
