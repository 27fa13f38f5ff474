/**
 * Per-code values of the starter table (MCE periods, MS-DRG attributes) as runs. Neighbouring
 * codes mostly carry the same value (a block of fractures: same MDC, same severity, same
 * periods), but headers interrupt those blocks with "no value", so billable codes and headers
 * are two run lists, each in code order: 45,000 runs over all codes become 7,000 + 600.
 */
import { encodeUints, rankByUse, UintReader } from './uint-stream.ts';

/** A column as written by {@link encodeColumn}. */
export interface EncodedColumn {
  /** The distinct values, most used first, separated by '|'. */
  values: string;
  /** Runs over the non-header codes, in code order: value index, then run length - 1. */
  leaves: string;
  /** The same over the header codes. */
  headers: string;
}

/** Encodes one value per code; `header[i]` says which run list code i belongs to. */
export function encodeColumn(values: readonly string[], header: readonly boolean[]): EncodedColumn {
  const leaves: string[] = [];
  const headers: string[] = [];
  values.forEach((v, i) => {
    if (v.includes('|')) throw new Error(`starter column: a value contains '|': ${v}`);
    (header[i] ? headers : leaves).push(v);
  });
  const leafRuns = runsOf(leaves);
  const headerRuns = runsOf(headers);
  const ranked = rankByUse([...leafRuns, ...headerRuns].map(([v]) => v));
  const index = new Map(ranked.map((v, i) => [v, i]));
  const write = (runs: [string, number][]): string => encodeUints(runs.flatMap(([v, n]) => [index.get(v) ?? 0, n - 1]));
  return { values: ranked.join('|'), leaves: write(leafRuns), headers: write(headerRuns) };
}

function runsOf(values: readonly string[]): [string, number][] {
  const runs: [string, number][] = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last?.[0] === v) last[1]++;
    else runs.push([v, 1]);
  }
  return runs;
}

/**
 * Per code, the index of its value in `values` (decode each distinct value once, then share it).
 * Throws when the runs do not cover exactly the codes of `header`.
 */
export function decodeColumn(column: EncodedColumn, header: Uint8Array): { values: string[]; at: Uint32Array } {
  const values = column.values.split('|');
  const at = new Uint32Array(header.length);
  const fill = (text: string, isHeader: number): void => {
    const reader = new UintReader(text);
    let remaining = 0;
    let value = 0;
    for (let i = 0; i < header.length; i++) {
      if (header[i] !== isHeader) continue;
      if (remaining === 0) {
        value = reader.next();
        remaining = reader.next() + 1;
        if (value >= values.length) throw new Error(`starter column: value ${value} of ${values.length}`);
      }
      at[i] = value;
      remaining--;
    }
    if (remaining !== 0 || !reader.done) throw new Error('starter column: runs do not match the codes');
  };
  fill(column.leaves, 0);
  fill(column.headers, 1);
  return { values, at };
}
