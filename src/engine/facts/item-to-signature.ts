import { interval } from '../interval.ts';
import { isoOf, itemTime } from '../item-time.ts';
import type { ScopeItems } from '../rule.ts';
import type { FactDefinition } from './fact.ts';

/** From the item's time (order given, note written) to its authentication: {from, to, hours}. */
export const itemToSignature: FactDefinition = {
  id: 'itemToSignature',
  description: "from the item's time to its signature (hours)",
  dependsOn: 'item',
  scopes: ['document', 'order'],
  compute: ({ scope, item }) => interval(itemTime(scope, item), isoOf((item as ScopeItems['order']).signature.signedAt)),
};
