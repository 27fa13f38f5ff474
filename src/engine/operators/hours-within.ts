import type { OperatorDefinition } from './operator.ts';
import { intervalHours } from '../interval.ts';

/** The interval ({from, to, hours}) runs forward and lasts at most N hours. False when unknown. */
export const hoursWithin: OperatorDefinition = {
  name: 'hoursWithin',
  description: 'the second moment is at or after the first, by at most N hours',
  acceptsFactValue: (v) => intervalHours(v) !== undefined,
  evaluate: (interval, hours) => {
    const h = intervalHours(interval)!;
    return typeof hours === 'number' && h >= 0 && h <= hours;
  },
};
