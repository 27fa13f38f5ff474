import type { ChartSnapshot } from '../chart/snapshot.ts';
import type { FactContext, FactDefinition } from './facts/fact.ts';
import type { Scope, ScopeItem } from './rule.ts';
import type { EngineSettings } from './settings.ts';

/** Per-snapshot memo of chart-wide facts, shared by every item's context. */
export class ChartFacts {
  readonly values = new Map<string, unknown>();
  constructor(
    readonly snapshot: ChartSnapshot,
    readonly settings: EngineSettings,
    readonly facts: ReadonlyMap<string, FactDefinition>,
  ) {}
}

/**
 * The facts of one item, each computed at most once (per-chart facts once per snapshot), so the
 * pre-filter, the engine run, the message and the evidence all see the same values.
 */
export function createFactContext(chart: ChartFacts, scope: Scope, item: ScopeItem): FactContext {
  const values = new Map<string, unknown>();
  const context: FactContext = {
    snapshot: chart.snapshot,
    settings: chart.settings,
    scope,
    item,
    fact: (id: string): unknown => {
      const definition = chart.facts.get(id);
      if (!definition) throw new Error(`Unknown fact "${id}"`);
      const memo = definition.perChart ? chart.values : values;
      if (memo.has(id)) return memo.get(id);
      const value = definition.scopes && !definition.scopes.includes(scope) ? undefined : definition.compute(context);
      memo.set(id, value);
      return value;
    },
  };
  return context;
}
