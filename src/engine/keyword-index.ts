import { tokenize } from './terms.ts';

/**
 * Rules found by the terms they look for, in one pass over a text's tokens. Same whole-word,
 * case-insensitive matching as `containsAnyTerm` (both use terms.ts's tokenizer and compare token
 * sequences), so a rule is found exactly when its keyword condition holds. Allocates nothing per
 * text beyond the output: a found rule is marked with the pass number instead of kept in a Set.
 */
export class KeywordIndex<T extends object> {
  /** first token → [rest of the term's tokens, rule] */
  private readonly byFirst = new Map<string, { rest: string[]; payload: T }[]>();
  private readonly lastPass = new WeakMap<T, number>();
  private pass = 0;

  add(term: string, payload: T): void {
    const [first, ...rest] = tokenize(term);
    if (first === undefined) return;
    let list = this.byFirst.get(first);
    if (!list) this.byFirst.set(first, (list = []));
    list.push({ rest, payload });
  }

  /** Appends each rule one of whose terms occurs in `tokens`, once. */
  collect(tokens: readonly string[], out: T[]): void {
    const pass = ++this.pass;
    for (let i = 0; i < tokens.length; i++) {
      const entries = this.byFirst.get(tokens[i]!);
      if (entries === undefined) continue;
      for (const { rest, payload } of entries) {
        if (this.lastPass.get(payload) === pass || !followedBy(tokens, i + 1, rest)) continue;
        this.lastPass.set(payload, pass);
        out.push(payload);
      }
    }
  }
}

function followedBy(tokens: readonly string[], at: number, rest: readonly string[]): boolean {
  for (let k = 0; k < rest.length; k++) if (tokens[at + k] !== rest[k]) return false;
  return true;
}
