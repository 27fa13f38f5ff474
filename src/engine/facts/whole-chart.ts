import type { FactDefinition } from './fact.ts';

/**
 * Whether the snapshot is a whole chart rather than one exchanged document. Rules that look for
 * something missing from the chart (no H&P, no discharge summary) only make sense on a whole
 * chart: a single C-CDA discharge summary holds no H&P and that is no deficiency.
 */
export const wholeChart: FactDefinition = {
  id: 'wholeChart',
  description: 'the snapshot is a whole chart, not one exchanged document',
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot }) => (snapshot.source.coverage ?? (snapshot.source.adapter === 'ccda' ? 'document' : 'chart')) === 'chart',
};
