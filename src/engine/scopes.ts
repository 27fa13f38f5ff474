import type { ChartSnapshot } from '../chart/snapshot.ts';
import { chartSuggestions } from '../codes/suggest/chart-suggestions.ts';
import type { Scope, ScopeItem, ScopeItems } from './rule.ts';

/** An item of a scope with what the evaluator needs to index and name it. */
export interface ScopedItem {
  scope: Scope;
  id: string;
  /** Document kind, order kind or diagnosis role: the key `appliesTo` filters on. */
  kind?: string;
  item: ScopeItem;
}

/** Every item in the snapshot that rules of `scope` run on. */
export function itemsOf(snapshot: ChartSnapshot, scope: Scope): ScopedItem[] {
  switch (scope) {
    case 'chart':
      return [{ scope, id: 'chart', item: snapshot }];
    case 'document':
      return snapshot.documents.map((d) => ({ scope, id: d.id, kind: d.kind, item: d }));
    case 'diagnosis':
      return snapshot.diagnoses.map((d) => ({ scope, id: d.id, kind: d.role, item: d }));
    case 'procedure':
      return snapshot.procedures.map((p) => ({ scope, id: p.id, item: p }));
    case 'order':
      return snapshot.orders.map((o) => ({ scope, id: o.id, kind: o.kind, item: o }));
    case 'field':
      return snapshot.forms.map((f) => ({ scope, id: f.id, kind: f.control, item: f }));
    case 'suggestion':
      return chartSuggestions(snapshot).map((s) => ({ scope, id: s.id, kind: s.kind, item: s }));
  }
}

export type { ScopeItems };
