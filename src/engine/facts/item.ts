import type { FactDefinition } from './fact.ts';

/** The item the rule runs on: a document, order, diagnosis, procedure, form field, or the chart. */
export const item: FactDefinition = {
  id: 'item',
  description: 'the item the rule runs on',
  dependsOn: 'item',
  compute: (context) => context.item,
};
