/**
 * A sorted code list as a trie walked depth first: per node one number, the rank of its shape
 * in a small dictionary. A shape is '+' (the node is a code) or '-' (a mere prefix, such as
 * "S7" or the placeholder level "T07X"), followed by the characters of its children in order.
 * ICD-10-CM repeats a few shapes thousands of times ('+' for every billable code, '+ADS' for
 * a 7th-character family, '+0129' ...), so most codes cost one character, a third of front
 * coding, and decoding is one recursive walk that yields the codes already sorted.
 */
import { encodeUints, rankByUse, UintReader } from './uint-stream.ts';

/** A code list as written by {@link trieEncode}. */
export interface EncodedTrie {
  /** Node shapes, most used first, separated by ' '. */
  shapes: string;
  /** One number per node in depth-first order: the index of its shape (uint-stream.ts). */
  nodes: string;
}

interface TrieNode {
  code: boolean;
  children: Map<string, TrieNode>;
}

/** Encodes distinct codes (any order; they come back sorted). Codes must not contain a space. */
export function trieEncode(codes: Iterable<string>): EncodedTrie {
  const root: TrieNode = { code: false, children: new Map() };
  for (const code of codes) {
    if (code.includes(' ')) throw new Error(`code trie: a code contains a space: ${code}`);
    let node = root;
    for (const ch of code) {
      let next = node.children.get(ch);
      if (!next) node.children.set(ch, (next = { code: false, children: new Map() }));
      node = next;
    }
    node.code = true;
  }
  const shapes: string[] = [];
  const walk = (node: TrieNode): void => {
    // Default sort compares UTF-16 units, as `a < b` does: the walk yields the codes in that order.
    const chars = [...node.children.keys()].sort();
    shapes.push((node.code ? '+' : '-') + chars.join(''));
    for (const ch of chars) {
      const child = node.children.get(ch);
      if (child) walk(child);
    }
  };
  walk(root);
  const ranked = rankByUse(shapes);
  const index = new Map(ranked.map((s, i) => [s, i]));
  return { shapes: ranked.join(' '), nodes: encodeUints(shapes.map((s) => index.get(s) ?? 0)) };
}

/** The codes of an encoded trie, sorted; throws when the text is not a whole trie. */
export function trieDecode(trie: EncodedTrie): string[] {
  const shapes = trie.shapes.split(' ');
  const reader = new UintReader(trie.nodes);
  const out: string[] = [];
  const visit = (prefix: string): void => {
    const shape = shapes[reader.next()];
    if (shape === undefined) throw new Error(`code trie: unknown shape below "${prefix}"`);
    if (shape[0] === '+') out.push(prefix);
    for (let i = 1; i < shape.length; i++) visit(prefix + shape[i]);
  };
  visit('');
  if (!reader.done) throw new Error('code trie: data left after the last node');
  return out;
}
