import type { FactDefinition } from './fact.ts';

/** The kinds of documents present in the chart, e.g. ["history-and-physical", "progress-note"]. */
export const documentKinds: FactDefinition = {
  id: 'documentKinds',
  description: 'kinds of documents present in the chart',
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot }) => [...new Set(snapshot.documents.map((d) => d.kind))].sort(),
};
