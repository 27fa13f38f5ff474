/**
 * Word search over titles and inclusion terms: an inverted index built once per table.
 *
 * Documents are numbered in rank order (billable before header, then shorter titles first), so
 * intersecting posting lists in ascending order yields the best matches first and a search can
 * stop as soon as it has `limit` hits instead of sorting every match of a common word.
 */

const STOP_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'w', 'with']);

/** Lower-cased words of a text, without stop words (used for indexing and for queries). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (w.length > 0 && !STOP_WORDS.has(w)) out.push(w);
  }
  return out;
}

/** Words of at least this length also match as a prefix (so "fract" finds "fracture"). */
const MIN_PREFIX = 3;

export class WordIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly sortedWords: string[];

  /** `texts[i]` are the texts of document i; documents must already be in rank order. */
  constructor(texts: readonly (readonly string[])[]) {
    const lists = new Map<string, number[]>();
    texts.forEach((docTexts, doc) => {
      for (const text of docTexts) {
        for (const w of words(text)) {
          let list = lists.get(w);
          if (!list) lists.set(w, (list = []));
          if (list[list.length - 1] !== doc) list.push(doc);
        }
      }
    });
    for (const [w, list] of lists) this.postings.set(w, Int32Array.from(list));
    this.sortedWords = [...lists.keys()].sort();
  }

  /** Number of distinct words indexed. */
  get size(): number {
    return this.postings.size;
  }

  /** Documents (rank order) containing every query word; the best `limit` of them. */
  search(query: string, limit: number): number[] {
    const queryWords = words(query);
    if (queryWords.length === 0) return [];
    const lists = queryWords.map((w) => this.candidates(w));
    lists.sort((a, b) => a.length - b.length);
    const [smallest, ...others] = lists;
    if (!smallest) return [];
    const hits: number[] = [];
    for (const doc of smallest) {
      if (others.every((list) => contains(list, doc))) {
        hits.push(doc);
        if (hits.length >= limit) break;
      }
    }
    return hits;
  }

  /** Posting list for a word: exact, merged with every longer word it starts. */
  private candidates(word: string): Int32Array {
    const exact = this.postings.get(word);
    if (word.length < MIN_PREFIX) return exact ?? new Int32Array(0);
    const merged: Int32Array[] = [];
    let total = 0;
    for (let i = lowerBound(this.sortedWords, word); i < this.sortedWords.length; i++) {
      const w = this.sortedWords[i];
      if (w === undefined || !w.startsWith(word)) break;
      const list = this.postings.get(w);
      if (list) {
        merged.push(list);
        total += list.length;
      }
    }
    if (merged.length === 1 && merged[0]) return merged[0];
    const out = new Int32Array(total);
    let at = 0;
    for (const list of merged) {
      out.set(list, at);
      at += list.length;
    }
    return dedupe(out.sort());
  }
}

function dedupe(sorted: Int32Array): Int32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] ?? 0;
  }
  return sorted.subarray(0, n);
}

function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] ?? 0;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** First index in a sorted string array whose value is >= `key`. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
