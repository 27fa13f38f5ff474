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

/**
 * Two words glued where a reader joined two cells or lines without a space ("PrincipalNon-ST"):
 * a capitalised word right after a lower-case run of four letters or more. Short prefixes
 * (McArdle, DiGeorge) stay whole.
 */
const GLUED = /(?<=[a-z]{4})(?=[A-Z][a-z])/g;
const GLUED_ANYWHERE = /[a-z]{4}[A-Z][a-z]/;

/**
 * The words of `text` with their character offsets; with `glued`, words glued by a reader
 * ("PrincipalNon") are read apart (for diagnosis phrases: drug names like "NovoLog" keep theirs).
 */
export function tokenize(text: string, glued = false): readonly Token[] {
  const cache = glued ? GLUED_CACHE : PLAIN_CACHE;
  const hit = cache.get(text);
  if (hit) return hit;
  // A bounded memo: the same sentences are read for diagnoses, statuses and history, and again
  // at each keystroke for every note not edited. Cleared whole when full (cheap, no LRU needed).
  if (cache.size >= MAX_CACHED) cache.clear();
  const tokens: readonly Token[] = Object.freeze(tokensOf(text, glued));
  cache.set(text, tokens);
  return tokens;
}

const MAX_CACHED = 50_000;
const PLAIN_CACHE = new Map<string, readonly Token[]>();
const GLUED_CACHE = new Map<string, readonly Token[]>();

function tokensOf(text: string, glued: boolean): Token[] {
  const lower = text.toLowerCase();
  const tokens: Token[] = [];
  const split = glued && GLUED_ANYWHERE.test(text);
  for (const m of lower.matchAll(WORD)) {
    if (!split) {
      tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
      continue;
    }
    const original = text.slice(m.index, m.index + m[0].length);
    let from = 0;
    for (const cut of [...original.matchAll(GLUED)].map((g) => g.index).concat(original.length)) {
      tokens.push({ word: m[0].slice(from, cut), start: m.index + from, end: m.index + cut });
      from = cut;
    }
  }
  return tokens;
}

/** Only the words (for phrases of the lexicon). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
