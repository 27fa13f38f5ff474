import { interval } from '../interval.ts';
import { itemTime } from '../item-time.ts';
import type { FactDefinition } from './fact.ts';

/** From the item's time to when the chart was read: how long something has been pending. */
export const itemToNow: FactDefinition = {
  id: 'itemToNow',
  description: "from the item's time to now (hours)",
  dependsOn: 'chart',
  compute: ({ scope, item, snapshot }) => interval(itemTime(scope, item), snapshot.source.extractedAt),
};
