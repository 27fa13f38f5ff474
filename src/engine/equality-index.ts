import type { ConditionNode, Leaf } from './conditions.ts';
import type { FactContext } from './facts/fact.ts';
import { readerOf } from './predicate.ts';

/** A condition `fact[.path] equal <literal>` that every firing of the rule needs. */
export interface Equality {
  fact: string;
  path?: string;
  value: string | number | boolean | null;
}

/**
 * The `equal` conditions with a literal value among a rule's top-level `all` (nested `all`s
 * included): the rule can fire only when each holds, whatever its other conditions say.
 */
export function equalitiesOf(node: ConditionNode): Equality[] {
  const out: Equality[] = [];
  const walk = (n: ConditionNode) => {
    if ('all' in n) n.all.forEach(walk);
    else if ('fact' in n && n.operator === 'equal' && isLiteral(n.value)) out.push(equalityOf(n));
  };
  walk(node);
  return out;
}

function isLiteral(value: unknown): value is Equality['value'] {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function equalityOf(leaf: Leaf): Equality {
  return { fact: leaf.fact, ...(leaf.path ? { path: leaf.path } : {}), value: leaf.value as Equality['value'] };
}

type Level<T> = Map<unknown, Level<T> | T[]>;

/**
 * Rules that share the same set of equality conditions (same facts and paths), keyed by their
 * values: each value is read once per item and one lookup gives the rules whose equalities all
 * hold, instead of testing every rule. `equal` is `===`; Map keys compare by SameValueZero, which
 * agrees on every literal a rule file can hold (JSON has no NaN).
 */
class EqualityBucket<T> {
  private readonly readers;
  private readonly root: Level<T> = new Map();
  readonly all: T[] = [];

  constructor(readonly keys: { fact: string; path?: string }[]) {
    this.readers = keys.map((k) => readerOf(k.fact, k.path));
  }

  add(values: Equality['value'][], payload: T): void {
    let level = this.root;
    values.forEach((value, depth) => {
      const last = depth === values.length - 1;
      let next = level.get(value);
      if (!next) level.set(value, (next = last ? [] : new Map()));
      if (last) (next as T[]).push(payload);
      else level = next as Level<T>;
    });
    this.all.push(payload);
  }

  /** Appends the rules whose equalities hold on this item. */
  collect(context: FactContext, out: T[]): void {
    let level: Level<T> | T[] | undefined = this.root;
    try {
      for (const read of this.readers) {
        level = (level as Level<T>).get(read(context));
        if (!level) return;
      }
    } catch {
      // A fact that throws: every rule of the bucket stays a candidate, so each fails in turn and
      // is reported by name, as without the index.
      for (const payload of this.all) out.push(payload);
      return;
    }
    for (const payload of level as T[]) out.push(payload);
  }
}

/** Rules indexed by their equality conditions; rules without any are kept aside, always candidates. */
export class EqualityIndex<T> {
  private readonly buckets = new Map<string, EqualityBucket<T>>();
  readonly unindexed: T[] = [];

  add(equalities: Equality[], payload: T): void {
    if (equalities.length === 0) {
      this.unindexed.push(payload);
      return;
    }
    // One value per fact and path (two `equal`s on the same one with different values never hold together).
    const byKey = new Map<string, Equality>();
    for (const e of equalities) if (!byKey.has(keyOf(e))) byKey.set(keyOf(e), e);
    const sorted = [...byKey.keys()].sort();
    const signature = sorted.join('\u0001');
    let bucket = this.buckets.get(signature);
    if (!bucket) this.buckets.set(signature, (bucket = new EqualityBucket<T>(sorted.map((k) => byKey.get(k)!))));
    bucket.add(sorted.map((k) => byKey.get(k)!.value), payload);
  }

  /** Unindexed rules and the rules whose equalities all hold on this item. */
  candidates(context: FactContext, out: T[]): void {
    for (const payload of this.unindexed) out.push(payload);
    for (const bucket of this.buckets.values()) bucket.collect(context, out);
  }
}

function keyOf(e: { fact: string; path?: string }): string {
  return `${e.fact}\u0000${e.path ?? ''}`;
}
