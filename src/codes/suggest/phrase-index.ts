/**
 * A token trie over every lexicon phrase: one pass over a sentence's words finds every phrase
 * that occurs (Aho-Corasick-style, walking the trie from each start), in time proportional to
 * the text, whatever the number of phrases. Built once per code table.
 */
import type { Token } from './tokens.ts';

interface Node {
  next: Map<string, Node>;
  /** Code of the phrase ending here. */
  code?: string;
}

/** A phrase found in a token list: tokens [start, end) map to `code`. */
export interface PhraseMatch {
  start: number;
  end: number;
  code: string;
}

export class PhraseIndex {
  private readonly root: Node = { next: new Map() };
  private count = 0;

  /** Number of phrases held. */
  get size(): number {
    return this.count;
  }

  /** Adds a phrase; an existing phrase keeps its first code unless `override`. */
  add(words: readonly string[], code: string, override = false): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map() }));
      node = child;
    }
    if (node.code === undefined) this.count++;
    if (node.code === undefined || override) node.code = code;
  }

  /** The code of exactly this phrase, if held. */
  lookup(words: readonly string[]): string | undefined {
    let node: Node | undefined = this.root;
    for (const word of words) node = node?.next.get(word);
    return node?.code;
  }

  /**
   * Every phrase occurring in `tokens`, without those lying wholly inside a longer one
   * ("CKD" inside "CKD stage 3a"); overlapping phrases both stay.
   */
  matches(tokens: readonly Token[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    for (let start = 0; start < tokens.length; start++) {
      let node: Node | undefined = this.root;
      let longest: PhraseMatch | undefined;
      for (let i = start; i < tokens.length && node; i++) {
        node = node.next.get(tokens[i]!.word);
        if (node?.code !== undefined) longest = { start, end: i + 1, code: node.code };
      }
      if (longest) found.push(longest);
    }
    return found.filter((m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  }
}
