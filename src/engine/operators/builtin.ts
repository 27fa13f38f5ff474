import type { OperatorDefinition } from './operator.ts';

/**
 * json-rules-engine's built-in operators (engine-default-operators.js, 7.3), restated so the
 * evaluator's pre-filter decides exactly as the engine does. A unit test compares the two.
 */
function isNumberLike(value: unknown): boolean {
  return Number.parseFloat(value as string).toString() !== 'NaN';
}
/** Like the engine: `indexOf` on whatever the value is (a list or a string); throws on neither. */
const indexIn = (list: unknown, item: unknown): number => (list as unknown[]).indexOf(item);

export const BUILTIN_OPERATORS: OperatorDefinition[] = [
  { name: 'equal', description: 'fact === value', evaluate: (a, b) => a === b },
  { name: 'notEqual', description: 'fact !== value', evaluate: (a, b) => a !== b },
  { name: 'in', description: 'fact is one of value', evaluate: (a, b) => indexIn(b, a) > -1 },
  { name: 'notIn', description: 'fact is none of value', evaluate: (a, b) => indexIn(b, a) === -1 },
  { name: 'contains', description: 'fact list contains value', acceptsFactValue: Array.isArray, evaluate: (a, b) => indexIn(a, b) > -1 },
  { name: 'doesNotContain', description: 'fact list lacks value', acceptsFactValue: Array.isArray, evaluate: (a, b) => indexIn(a, b) === -1 },
  { name: 'lessThan', description: 'fact < value', acceptsFactValue: isNumberLike, evaluate: (a, b) => (a as number) < (b as number) },
  { name: 'lessThanInclusive', description: 'fact <= value', acceptsFactValue: isNumberLike, evaluate: (a, b) => (a as number) <= (b as number) },
  { name: 'greaterThan', description: 'fact > value', acceptsFactValue: isNumberLike, evaluate: (a, b) => (a as number) > (b as number) },
  { name: 'greaterThanInclusive', description: 'fact >= value', acceptsFactValue: isNumberLike, evaluate: (a, b) => (a as number) >= (b as number) },
];
