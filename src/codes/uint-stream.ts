/**
 * Unsigned integers written as printable ASCII, self-delimiting, for the starter table. Most
 * numbers there are small (ranks of frequent words, run lengths, gaps between code positions),
 * so a number below 60 takes one character and one below 1,920 two, with no separator, while
 * the text stays a plain JSON/JS string: no quote, no backslash, nothing to escape, and reading
 * it back is one pass of charCodeAt.
 *
 * Alphabet: the 91 characters '#' (0x23) to '~' (0x7E) without '\'. The first 60 are final
 * digits, the other 31 continuation digits. A number n < 60 is its final digit; otherwise
 * continuation digit number (n - 60) % 31 comes first, then the encoding of floor((n - 60) / 31).
 * So 0-59 take one character, 60-1,919 two, up to 59,579 three.
 */

const ALPHABET = Array.from({ length: 0x7e - 0x23 + 1 }, (_, i) => String.fromCharCode(0x23 + i))
  .filter((c) => c !== '\\')
  .join('');
const FINAL = 60;
const CONTINUE = ALPHABET.length - FINAL;
/** Character code -> digit value; final digits 0..59, continuation digits 60..90, others -1. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** Appends the encoding of `n` (a non-negative safe integer) to `out`. */
function pushUint(out: string[], n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`uint stream: ${n} is not a non-negative integer`);
  let rest = n;
  while (rest >= FINAL) {
    rest -= FINAL;
    out.push(ALPHABET[FINAL + (rest % CONTINUE)] ?? '');
    rest = Math.floor(rest / CONTINUE);
  }
  out.push(ALPHABET[rest] ?? '');
}

/** The numbers as one string (see the module comment for the digits). */
export function encodeUints(numbers: Iterable<number>): string {
  const out: string[] = [];
  for (const n of numbers) pushUint(out, n);
  return out.join('');
}

/** Reads numbers back, one at a time, from a string written by {@link encodeUints}. */
export class UintReader {
  private at = 0;

  constructor(private readonly text: string) {}

  /** True when every number has been read. */
  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** The next number; throws at the end of the text or on a character outside the alphabet. */
  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const digit = DIGIT[this.text.charCodeAt(this.at++)] ?? -1;
      if (digit < 0) throw new Error(`uint stream: bad or missing digit at ${this.at - 1}`);
      // A continuation digit d stands for FINAL + (d - FINAL) = d at this scale.
      value += digit * scale;
      if (digit < FINAL) return value;
      scale *= CONTINUE;
    }
  }
}

/**
 * Sorted distinct positions as runs of consecutive ones: the number of runs, then per run the
 * gap from the end of the previous run (from -1) minus one and the run's length minus one.
 * Written into `out` so that several lists can share one stream.
 */
export function pushRuns(out: number[], positions: readonly number[]): void {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: number[] = [];
  let end = -1;
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i] ?? 0;
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    runs.push(start - end - 1, j - i);
    end = start + j - i;
    i = j + 1;
  }
  out.push(runs.length / 2);
  for (const n of runs) out.push(n);
}

/** Reads one list written by {@link pushRuns}, in ascending order. */
export function readRuns(reader: UintReader): number[] {
  const out: number[] = [];
  let end = -1;
  for (let runs = reader.next(); runs > 0; runs--) {
    const start = end + 1 + reader.next();
    end = start + reader.next();
    for (let p = start; p <= end; p++) out.push(p);
  }
  return out;
}

/** How many characters {@link encodeUints} writes for `n`. */
export function uintLength(n: number): number {
  let length = 1;
  for (let rest = n; rest >= FINAL; rest = Math.floor((rest - FINAL) / CONTINUE)) length++;
  return length;
}

/**
 * Distinct values, most used first (ties in order of first use): numbering a dictionary in this
 * order gives the values used most the one-character numbers.
 */
export function rankByUse(values: Iterable<string>): string[] {
  const uses = new Map<string, number>();
  for (const v of values) uses.set(v, (uses.get(v) ?? 0) + 1);
  // Map keeps first-use order and Array.prototype.sort is stable.
  return [...uses.keys()].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0));
}
