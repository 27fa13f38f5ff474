import { tokensOf } from './terms.ts';

/**
 * Tokens of the texts of the last evaluations, for the keyword index. terms.ts keeps the tokens
 * of its last 512 texts, fewer than the notes of a large chart; this keeps those of the texts
 * seen in the current and previous evaluation, so re-reading an unchanged 2,000-note chart does
 * not tokenize every note again. Texts missing from both are tokenized (and kept) once.
 */
/** Edited texts an incremental evaluation may add before the memo starts a new generation. */
const INCREMENTAL_GROWTH = 256;

export class TokenMemo {
  private previous = new Map<string, readonly string[]>();
  private current = new Map<string, readonly string[]>();

  tokens(text: string): readonly string[] {
    let tokens = this.current.get(text);
    if (tokens === undefined) {
      tokens = this.previous.get(text) ?? tokensOf(text);
      this.current.set(text, tokens);
    }
    return tokens;
  }

  /**
   * After each evaluation. A full one starts a new generation: texts it did not see are then
   * forgotten. An incremental one (a few edited notes) keeps the generation, which holds every
   * note, unless its edits alone made it grow past a bound.
   */
  rotate(full: boolean): void {
    if (!full && this.current.size <= this.previous.size + INCREMENTAL_GROWTH) return;
    this.previous = this.current;
    this.current = new Map();
  }
}
