import { isBlank } from '../blank.ts';
import type { OperatorDefinition } from './operator.ts';

/** The value is there (`value: true`) or absent (`value: false`): not blank text, list or Field. */
export const isPresent: OperatorDefinition = {
  name: 'isPresent',
  description: 'the value is present (true) or missing/blank (false)',
  evaluate: (factValue, expected) => !isBlank(factValue) === expected,
  checkValue: (expected) => (typeof expected === 'boolean' ? undefined : 'value must be true or false'),
};
