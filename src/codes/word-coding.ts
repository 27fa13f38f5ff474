/**
 * Titles and note texts as numbers for the starter table. Each word (text split at ' ') is
 * replaced by its number in one shared word list, numbered by use so that the sixty words used
 * most ("of", "unsp", "right", "init", ...) take one character (uint-stream.ts). Titles in code
 * order share their first words with the title before them ("Fx unsp part of nk of r femur,
 * ..." for a whole family), so a title keeps only the words after those (front coding by words).
 * Splitting and joining at ' ' gives back every text exactly, double spaces included.
 */
import { frontDecode, frontEncode } from './front-coding.ts';
import { encodeUints, rankByUse, UintReader, uintLength } from './uint-stream.ts';

/** Titles and texts as written by {@link encodeWordTexts}. */
export interface EncodedWordTexts {
  /** The word list, front-coded with ' ' as separator (front-coding.ts). */
  words: string;
  /** Title shapes, most used first, ' '-separated: `kept,added` words. */
  titleShapes: string;
  /** Per title: the index of its shape, then the numbers of its added words. */
  titles: string;
  /** Per text: its number of words, then their numbers. */
  texts: string;
}

/** Encodes titles (in code order) and other texts with one word list. */
export function encodeWordTexts(titles: readonly string[], texts: readonly string[]): EncodedWordTexts {
  const shaped: { shape: string; added: string[] }[] = [];
  let previous: string[] = [];
  for (const title of titles) {
    const words = title.split(' ');
    let kept = 0;
    while (kept < previous.length && kept < words.length && previous[kept] === words[kept]) kept++;
    shaped.push({ shape: `${kept},${words.length - kept}`, added: words.slice(kept) });
    previous = words;
  }
  const textWords = texts.map((t) => t.split(' '));
  const list = wordList([...shaped.flatMap((s) => s.added), ...textWords.flat()]);
  const number = new Map(list.map((w, i) => [w, i]));
  const shapes = rankByUse(shaped.map((s) => s.shape));
  const shapeIndex = new Map(shapes.map((s, i) => [s, i]));
  const titleNumbers: number[] = [];
  for (const { shape, added } of shaped) {
    titleNumbers.push(shapeIndex.get(shape) ?? 0);
    for (const w of added) titleNumbers.push(number.get(w) ?? 0);
  }
  const textNumbers: number[] = [];
  for (const words of textWords) {
    textNumbers.push(words.length);
    for (const w of words) textNumbers.push(number.get(w) ?? 0);
  }
  return { words: frontEncode(list, ' '), titleShapes: shapes.join(' '), titles: encodeUints(titleNumbers), texts: encodeUints(textNumbers) };
}

/**
 * Words numbered by use; within the numbers of one length, alphabetically, which costs nothing
 * and lets front coding shorten the list itself by a third.
 */
function wordList(uses: readonly string[]): string[] {
  const ranked = rankByUse(uses);
  const out: string[] = [];
  for (let start = 0; start < ranked.length; ) {
    let end = start;
    while (end < ranked.length && uintLength(end) === uintLength(start)) end++;
    for (const w of ranked.slice(start, end).sort()) out.push(w);
    start = end;
  }
  return out;
}

/** The word list of an encoding. */
export function decodeWords(data: Pick<EncodedWordTexts, 'words'>): string[] {
  return frontDecode(data.words, ' ');
}

/** The titles, in the order encoded. */
export function decodeTitles(words: readonly string[], data: Pick<EncodedWordTexts, 'titleShapes' | 'titles'>): string[] {
  const shapes = data.titleShapes.split(' ').map((s) => s.split(',').map(Number));
  const reader = new UintReader(data.titles);
  const out: string[] = [];
  // The words of the title being read. Joining them gives flat strings: building titles by
  // concatenation instead leaves string ropes that the word index must flatten later, which
  // measured twice as slow overall.
  const current: string[] = [];
  let count = 0;
  while (!reader.done) {
    const [kept = -1, added = 0] = shapes[reader.next()] ?? [];
    if (kept < 0 || kept > count) throw new Error(`word coding: title ${out.length + 1} keeps more words than there are`);
    count = kept;
    for (let k = 0; k < added; k++) {
      const word = words[reader.next()];
      if (word === undefined) throw new Error(`word coding: unknown word in title ${out.length + 1}`);
      current[count++] = word;
    }
    out.push(current.slice(0, count).join(' '));
  }
  return out;
}

/** The other texts, in the order encoded. */
export function decodeTexts(words: readonly string[], data: Pick<EncodedWordTexts, 'texts'>): string[] {
  const reader = new UintReader(data.texts);
  const out: string[] = [];
  while (!reader.done) {
    const parts: string[] = [];
    for (let n = reader.next(); n > 0; n--) {
      const word = words[reader.next()];
      if (word === undefined) throw new Error(`word coding: unknown word in text ${out.length + 1}`);
      parts.push(word);
    }
    out.push(parts.join(' '));
  }
  return out;
}
