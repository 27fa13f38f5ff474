/**
 * Words of chart text and of lexicon phrases, lower-cased, with their offsets, so a match can
 * be quoted exactly. Punctuation separates words and is otherwise ignored ("acute-on-chronic",
 * "CKD, stage 3a" and "(congestive)" tokenize like plain words).
 */

export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[a-z0-9]+/g;

/** The words of `text` with their character offsets. */
export function tokenize(text: string): Token[] {
  const lower = text.toLowerCase();
  const tokens: Token[] = [];
  for (const m of lower.matchAll(WORD)) tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** Only the words (for phrases of the lexicon). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
