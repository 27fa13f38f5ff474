import { BUILTIN_OPERATORS } from './builtin.ts';
import { codeIn } from './code-in.ts';
import { containsAnyTerm } from './contains-any-term.ts';
import { hoursExceed } from './hours-exceed.ts';
import { hoursWithin } from './hours-within.ts';
import { isPresent } from './is-present.ts';
import { matchesPattern } from './matches-pattern.ts';
import type { OperatorDefinition } from './operator.ts';

/** chartlint's own operators, registered with every engine. */
export const CUSTOM_OPERATORS: OperatorDefinition[] = [matchesPattern, containsAnyTerm, isPresent, codeIn, hoursExceed, hoursWithin];

/** Every operator a rule may use, by name: json-rules-engine's built-ins and ours. */
export const OPERATORS: ReadonlyMap<string, OperatorDefinition> = new Map(
  [...BUILTIN_OPERATORS, ...CUSTOM_OPERATORS].map((op) => [op.name, op]),
);
