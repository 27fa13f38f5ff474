import { matcherFor, tokensOf } from '../terms.ts';
import type { OperatorDefinition } from './operator.ts';

/**
 * Text mentions any of the terms, as whole words, case-insensitive ("PA" matches "PA-C" and
 * "pa", not "pain"). Value: the term list (static or from a fact such as settings).
 */
export const containsAnyTerm: OperatorDefinition = {
  name: 'containsAnyTerm',
  description: 'the text mentions any of the terms as whole words (case-insensitive)',
  acceptsFactValue: (v) => typeof v === 'string',
  evaluate: (text, terms) => Array.isArray(terms) && matcherFor(terms as string[]).test(tokensOf(text as string)),
  checkValue: (terms) =>
    (Array.isArray(terms) && terms.every((t) => typeof t === 'string')) || isFactRef(terms)
      ? undefined
      : 'value must be a list of terms or a fact reference',
};

function isFactRef(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'fact' in value;
}
