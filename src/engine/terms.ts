/**
 * Whole-word, case-insensitive term matching, shared by the `containsAnyTerm` operator and the
 * evaluator's keyword index, so that both always agree on what "mentions" means.
 */

/** Lower-case word tokens; hyphens and punctuation separate words ("PA-C" → pa, c). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/** A set of terms compiled for repeated matching against many texts. */
export class TermMatcher<T = string> {
  /** first token → [term tokens, payload] */
  private readonly byFirst = new Map<string, [string[], T][]>();

  add(term: string, payload: T): void {
    const tokens = tokenize(term);
    const first = tokens[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push([tokens, payload]);
    this.byFirst.set(first, list);
  }

  /** Payloads of every term that occurs in `tokens` (each at most once). */
  matches(tokens: readonly string[]): Set<T> {
    const found = new Set<T>();
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!);
      if (!candidates) continue;
      for (const [termTokens, payload] of candidates) {
        if (found.has(payload)) continue;
        if (termTokens.every((t, k) => tokens[i + k] === t)) found.add(payload);
      }
    }
    return found;
  }

  /** True when any term occurs in `tokens`. */
  test(tokens: readonly string[]): boolean {
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!);
      if (candidates?.some(([termTokens]) => termTokens.every((t, k) => tokens[i + k] === t))) return true;
    }
    return false;
  }
}

const matcherCache = new Map<string, TermMatcher>();
/** By list identity first: a rule passes the same array every time, so the hot path skips the join. */
const matcherByList = new WeakMap<readonly string[], TermMatcher>();

/** A matcher for a term list, compiled once per distinct list. */
export function matcherFor(terms: readonly string[]): TermMatcher {
  const known = matcherByList.get(terms);
  if (known) return known;
  const key = terms.join('\u0000');
  let matcher = matcherCache.get(key);
  if (!matcher) {
    matcher = new TermMatcher();
    for (const term of terms) matcher.add(term, term);
    matcherCache.set(key, matcher);
  }
  matcherByList.set(terms, matcher);
  return matcher;
}

const tokenCache = new Map<string, string[]>();
const TOKEN_CACHE_SIZE = 512;

/** `tokenize`, remembered for recently seen texts: many rules look at the same note. */
export function tokensOf(text: string): string[] {
  let tokens = tokenCache.get(text);
  if (!tokens) {
    tokens = tokenize(text);
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
    tokenCache.set(text, tokens);
  }
  return tokens;
}
