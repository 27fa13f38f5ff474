import type { ChartSnapshot } from '../../chart/snapshot.ts';
import type { Scope, ScopeItem } from '../rule.ts';
import type { EngineSettings } from '../settings.ts';

/** What a fact is computed from: the chart, the settings and the item a rule runs on. */
export interface FactContext {
  snapshot: ChartSnapshot;
  settings: EngineSettings;
  scope: Scope;
  item: ScopeItem;
  /** Another fact's value (memoized: each fact is computed once per item, or once per chart). */
  fact: (id: string) => unknown;
}

/**
 * A fact rules can name in their conditions, templates and evidence.
 * - `item`: depends only on the item and the settings, so an unchanged document keeps its
 *   results when another document is edited;
 * - `chart`: depends on the whole snapshot (computed once per snapshot) or on the item in the
 *   context of the chart (other documents, the encounter, `now`).
 */
export interface FactDefinition {
  id: string;
  description: string;
  dependsOn: 'item' | 'chart';
  /** Computed once per snapshot, whatever the item (e.g. the kinds of documents present). */
  perChart?: boolean;
  /** Scopes the fact makes sense in; all when absent. */
  scopes?: Scope[];
  compute(context: FactContext): unknown;
}
