import type { FactDefinition } from './fact.ts';

/** When the chart was read (snapshot.source.extractedAt): "overdue" is measured against this. */
export const now: FactDefinition = {
  id: 'now',
  description: 'when the chart was read (ISO)',
  dependsOn: 'chart',
  perChart: true,
  compute: (context) => context.snapshot.source.extractedAt,
};
