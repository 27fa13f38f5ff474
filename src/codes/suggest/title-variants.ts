/**
 * The ways a phrase of the classification (an inclusion term, a title) is written in charts:
 * nonessential words in parentheses or brackets with and without them ("Chronic (viral)
 * hepatitis B"), without "NOS", and without the possessive ("Hashimoto's thyroiditis" is also
 * written "Hashimoto thyroiditis").
 */

const POSSESSIVE = /(\w)['’]s\b/g;

/** The possessive-free form of a phrase ("hashimoto thyroiditis"), or the phrase itself. */
export function withoutPossessive(phrase: string): string {
  return phrase.replace(POSSESSIVE, '$1');
}

/** The written variants of one term, deduplicated. */
export function phraseVariants(term: string): string[] {
  const noNos = term.replace(/\bNOS\b/g, ' ');
  const kept = noNos.replace(/[()[\]]/g, ' ');
  const dropped = noNos.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/\s+,/g, ',').trim();
  return [...new Set([kept, dropped].flatMap((v) => [v, withoutPossessive(v)]).map(squash))].filter((v) => v !== '');
}
