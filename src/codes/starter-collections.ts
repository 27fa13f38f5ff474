/**
 * MS-DRG PDX-exclusion collections for the starter table, as lists of code positions. The
 * 2,249 collections of v43.1 overlap heavily (the principals of one body system cancel much
 * the same secondaries), so a collection may be written as the changes to an earlier one
 * (members added, members removed), which cuts the section to a third of plain position runs.
 */
import { pushRuns, readRuns, UintReader, encodeUints, uintLength } from './uint-stream.ts';

/** Earlier collections tried as a base for each one (those sharing the most members). */
const CANDIDATES = 5;
const SAMPLE = 64;

/**
 * Encodes collections (code positions, any order) into one stream (uint-stream.ts): per
 * collection, ascending by id, the id gap (id - previous id - 1, from -1), the distance back to
 * its base collection (0 = none), then the runs (see pushRuns) of positions added to the base
 * and of positions removed from it.
 */
export function encodeCollections(collections: readonly { id: number; positions: readonly number[] }[]): string {
  const sorted = [...collections].sort((a, b) => a.id - b.id);
  const sets = sorted.map((c) => new Set(c.positions));
  const holders = new Map<number, number[]>(); // position -> earlier collections holding it
  const out: number[] = [];
  let previousId = -1;
  sorted.forEach((collection, k) => {
    const own = sets[k] ?? new Set<number>();
    let best = { base: 0, numbers: runNumbers([...own], []) };
    const shared = new Map<number, number>();
    // Scoring candidates on a sample of at most SAMPLE members keeps the build fast for the
    // few collections of thousands of codes; the exact cost then decides.
    const members = [...own];
    const stride = Math.max(1, Math.floor(members.length / SAMPLE));
    for (let m = 0; m < members.length; m += stride) {
      for (const j of holders.get(members[m] ?? -1) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j] of [...shared].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES)) {
      const base = sets[j] ?? new Set<number>();
      const numbers = runNumbers([...own].filter((p) => !base.has(p)), [...base].filter((p) => !own.has(p)));
      if (cost(k - j, numbers) < cost(best.base, best.numbers)) best = { base: k - j, numbers };
    }
    out.push(collection.id - previousId - 1, best.base);
    for (const n of best.numbers) out.push(n);
    previousId = collection.id;
    for (const p of own) {
      const list = holders.get(p);
      if (list) list.push(k);
      else holders.set(p, [k]);
    }
  });
  return encodeUints(out);
}

function runNumbers(added: number[], removed: number[]): number[] {
  const out: number[] = [];
  pushRuns(out, added);
  pushRuns(out, removed);
  return out;
}

function cost(base: number, numbers: readonly number[]): number {
  return numbers.reduce((sum, n) => sum + uintLength(n), uintLength(base));
}

/** Inverse of {@link encodeCollections}: member positions ascending, collections ascending by id. */
export function decodeCollections(text: string): { id: number; positions: number[] }[] {
  const reader = new UintReader(text);
  const out: { id: number; positions: number[] }[] = [];
  let id = -1;
  while (!reader.done) {
    id += reader.next() + 1;
    const back = reader.next();
    const added = readRuns(reader);
    const removed = new Set(readRuns(reader));
    const base = back === 0 ? [] : out[out.length - back]?.positions;
    if (!base) throw new Error(`starter collections: collection ${id} refers to a missing base`);
    out.push({ id, positions: merge(base.filter((p) => !removed.has(p)), added) });
  }
  return out;
}

/** Merges two ascending lists of distinct positions. */
function merge(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) {
      out.push(x ?? 0);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
