/**
 * Read-only maps over the compact tables without building a Map of 80,000 entries when the
 * service worker starts (about 30 ms each): a code is found by binary search in the sorted code
 * list its column was written over, and the value is the column's shared, decoded one.
 */

/** code → value for the codes of a decoded column (see compact-format.ts `column`). */
export class CodeColumnMap<T> implements ReadonlyMap<string, T> {
  readonly size: number;

  /**
   * @param codes the column's codes, sorted as `a < b` sorts (trieDecode's order)
   * @param at per code, the index of its value in `values`
   * @param values the decoded distinct values; undefined = the code has none
   */
  constructor(
    private readonly codes: readonly string[],
    private readonly at: Uint32Array,
    private readonly distinct: readonly (T | undefined)[],
  ) {
    let size = 0;
    for (let i = 0; i < codes.length; i++) if (distinct[at[i] ?? 0] !== undefined) size++;
    this.size = size;
  }

  private valueAt(i: number): T | undefined {
    return this.distinct[this.at[i] ?? 0];
  }

  get(code: string): T | undefined {
    let lo = 0;
    let hi = this.codes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.codes[mid] ?? '';
      if (c === code) return this.valueAt(mid);
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  *entries(): MapIterator<[string, T]> {
    for (let i = 0; i < this.codes.length; i++) {
      const value = this.valueAt(i);
      if (value !== undefined) yield [this.codes[i] ?? '', value];
    }
  }

  *keys(): MapIterator<string> {
    for (const [code] of this.entries()) yield code;
  }

  *values(): MapIterator<T> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
    for (const [code, value] of this.entries()) callback.call(thisArg, value, code, this);
  }
}

/**
 * A read-only map whose entries are decoded on first use and whose values are converted one by
 * one as they are read: a claim reads the PDX-exclusion set of its one principal, not 2,249.
 */
export class LazyMap<K, R, V> implements ReadonlyMap<K, V> {
  private raw: Map<K, R> | undefined;
  private readonly converted = new Map<K, V>();

  constructor(
    private readonly build: () => Map<K, R>,
    private readonly convert: (raw: R) => V,
  ) {}

  private get entriesByKey(): Map<K, R> {
    this.raw ??= this.build();
    return this.raw;
  }

  get size(): number {
    return this.entriesByKey.size;
  }

  get(key: K): V | undefined {
    const done = this.converted.get(key);
    if (done !== undefined) return done;
    const raw = this.entriesByKey.get(key);
    if (raw === undefined) return undefined;
    const value = this.convert(raw);
    this.converted.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.entriesByKey.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const key of this.entriesByKey.keys()) {
      const value = this.get(key);
      if (value !== undefined) yield [key, value];
    }
  }

  keys(): MapIterator<K> {
    return this.entriesByKey.keys();
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
