/**
 * Front coding of a sorted list of strings: each item stores how many leading characters it
 * shares with the previous one, then the rest. Code lists and titles in code order share long
 * prefixes ("Fx unsp part of neck of right femur, init ..."), so this halves the starter table
 * while decoding stays one linear pass of string slicing (no eval, no dependency).
 */

const BASE = 48; // shared length n is stored as the character with code 48 + n ('0', '1', ...)
const MAX_SHARED = 70;

/** Encodes items (in the order given), joined by `separator`, which no item may contain. */
export function frontEncode(items: readonly string[], separator = '|'): string {
  const out: string[] = [];
  let previous = '';
  for (const item of items) {
    if (item.includes(separator)) throw new Error(`front coding: item contains the separator: ${item.slice(0, 40)}`);
    let n = 0;
    const limit = Math.min(previous.length, item.length, MAX_SHARED);
    while (n < limit && previous.charCodeAt(n) === item.charCodeAt(n)) n++;
    out.push(String.fromCharCode(BASE + n) + item.slice(n));
    previous = item;
  }
  return out.join(separator);
}

/** Inverse of {@link frontEncode}; throws on a line that refers past the previous item. */
export function frontDecode(text: string, separator = '|'): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let previous = '';
  for (const line of text.split(separator)) {
    const n = line.charCodeAt(0) - BASE;
    if (!(n >= 0 && n <= Math.min(previous.length, MAX_SHARED))) {
      throw new Error(`front coding: bad shared length on line ${out.length + 1}`);
    }
    previous = previous.slice(0, n) + line.slice(1);
    out.push(previous);
  }
  return out;
}
