import type { TopLevelCondition } from 'json-rules-engine';
import type { ChartDocument, ChartSnapshot, CodedItem, FormState, Order } from '../chart/snapshot.ts';
import type { FindingCategory, Severity, SuggestedCode } from './finding.ts';
import type { CodeSuggestion } from '../codes/suggest/types.ts';

/** What a rule runs on: once per item of this kind. */
export type Scope = 'chart' | 'document' | 'diagnosis' | 'procedure' | 'order' | 'field' | 'suggestion';
export const SCOPES: readonly Scope[] = ['chart', 'document', 'diagnosis', 'procedure', 'order', 'field', 'suggestion'];

/** The item a rule runs on, by scope. */
export interface ScopeItems {
  chart: ChartSnapshot;
  document: ChartDocument;
  diagnosis: CodedItem;
  procedure: CodedItem;
  order: Order;
  field: FormState;
  /** A code suggested from the words of the chart (src/codes/suggest), one item per code. */
  suggestion: CodeSuggestion;
}
export type ScopeItem = ScopeItems[Scope];

/** One rule as written in rules/<pack>/<id>.json (see rules/schema.json). */
export interface RuleSpec {
  id: string;
  pack: string;
  scope: Scope;
  /** Only items of these kinds (document kind, order kind, diagnosis role); all when absent. */
  appliesTo?: string[];
  title: string;
  description?: string;
  category: FindingCategory;
  severity: Severity;
  citation: string;
  /** Message template: `{{fact.path}}` or `{{fact.path|fallback}}`. */
  message: string;
  detail?: string;
  /** Query draft template, same syntax as `message`; a finding gets `query` only when it renders non-blank. */
  query?: string;
  conditions: TopLevelCondition;
  /** `fact.path` of values to quote as evidence (their SourceRefs). */
  evidence?: string[];
  codes?: SuggestedCode[];
  /** `fact.path` of a SuggestedCode[] to offer instead of fixed `codes` (e.g. `item.codes` of a suggestion). */
  codesFrom?: string;
}

/** A loaded, validated rule pack. */
export interface RulePack {
  name: string;
  description?: string;
  rules: RuleSpec[];
}
