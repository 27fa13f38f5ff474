// The compact tables' maps stand in for ReadonlyMap: same answers as a Map of the same entries.
import { describe, expect, it } from 'vitest';
import { CodeColumnMap, LazyMap } from '../../../src/grouper/code-column-map.ts';

describe('maps over the compact tables', () => {
  it('CodeColumnMap finds each code of its sorted column by binary search, skipping codes without a value', () => {
    const codes = ['A00', 'A001', 'B20', 'Z99'];
    const map = new CodeColumnMap(codes, Uint32Array.from([1, 0, 2, 1]), ['x', undefined, 'y']);
    expect(map.size).toBe(2);
    expect(['A00', 'A001', 'B20', 'Z99', 'A0', 'ZZZ', ''].map((c) => map.get(c))).toEqual([undefined, 'x', 'y', undefined, undefined, undefined, undefined]);
    expect(map.has('B20')).toBe(true);
    expect(map.has('A00')).toBe(false);
    expect([...map]).toEqual([['A001', 'x'], ['B20', 'y']]);
    expect([...map.keys()]).toEqual(['A001', 'B20']);
    expect([...map.values()]).toEqual(['x', 'y']);
    const seen: string[] = [];
    map.forEach((v, k) => seen.push(`${k}=${v}`));
    expect(seen).toEqual(['A001=x', 'B20=y']);
  });

  it('LazyMap builds on first use and converts each value once, when read', () => {
    let builds = 0;
    let conversions = 0;
    const map = new LazyMap(
      () => {
        builds++;
        return new Map([[1, [1, 2]], [2, [3]]]);
      },
      (raw: number[]) => {
        conversions++;
        return new Set(raw);
      },
    );
    expect(builds).toBe(0);
    expect(map.get(2)).toEqual(new Set([3]));
    expect(map.get(2)).toBe(map.get(2));
    expect([builds, conversions]).toEqual([1, 1]);
    expect(map.get(3)).toBeUndefined();
    expect(map.size).toBe(2);
    expect([...map]).toEqual([[1, new Set([1, 2])], [2, new Set([3])]]);
    expect(conversions).toBe(2);
  });
});
