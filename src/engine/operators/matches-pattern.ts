import type { OperatorDefinition } from './operator.ts';

const cache = new Map<string, RegExp>();

function regexOf(pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (!regex) {
    // Case-insensitive always: chart wording varies in case, never in meaning.
    regex = new RegExp(pattern, 'iu');
    cache.set(pattern, regex);
  }
  return regex;
}

/** Text matches a regular expression (case-insensitive). Value: the pattern source. */
export const matchesPattern: OperatorDefinition = {
  name: 'matchesPattern',
  description: 'the text matches the regular expression (case-insensitive)',
  acceptsFactValue: (v) => typeof v === 'string',
  evaluate: (text, pattern) => regexOf(pattern as string).test(text as string),
  checkValue: (pattern) => {
    if (typeof pattern !== 'string') return 'value must be a regular expression string';
    try {
      regexOf(pattern);
      return undefined;
    } catch (error) {
      return `invalid regular expression: ${(error as Error).message}`;
    }
  },
};
