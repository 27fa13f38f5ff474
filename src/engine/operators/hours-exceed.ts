import type { OperatorDefinition } from './operator.ts';
import { intervalHours } from '../interval.ts';

/**
 * The interval (a fact such as `itemToNow`: {from, to, hours}) is longer than N hours. False
 * when either end is unknown: a missing time is another rule's finding, not this one's.
 */
export const hoursExceed: OperatorDefinition = {
  name: 'hoursExceed',
  description: 'the time from one moment to another is more than N hours',
  acceptsFactValue: (v) => intervalHours(v) !== undefined,
  evaluate: (interval, hours) => typeof hours === 'number' && intervalHours(interval)! > hours,
};
