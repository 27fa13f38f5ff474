import type { CompiledRule } from './compile.ts';
import { factAt, type ConditionNode } from './conditions.ts';
import { EqualityIndex } from './equality-index.ts';
import type { FactContext } from './facts/fact.ts';
import { KeywordIndex } from './keyword-index.ts';
import type { Scope } from './rule.ts';

/** Text → its word tokens, as terms.ts's `tokenize` gives them. */
export type Tokenizer = (text: string) => readonly string[];

/**
 * A set of rules indexed so an item reaches only the rules that may fire on it: keyword rules
 * through one pass over the text, the others through their `equal` conditions.
 */
export class RuleSet {
  /** Every rule of the set, in pack order. */
  readonly rules: CompiledRule[] = [];
  private readonly plain = new EqualityIndex<CompiledRule>();
  private readonly keywordSources: { fact: string; path?: string; index: KeywordIndex<CompiledRule>; rules: CompiledRule[] }[] = [];

  add(rule: CompiledRule): void {
    this.rules.push(rule);
    const keyword = rule.keyword;
    if (!keyword) {
      this.plain.add(rule.equalities, rule);
      return;
    }
    let source = this.keywordSources.find((s) => s.fact === keyword.fact && s.path === keyword.path);
    if (!source) {
      source = { fact: keyword.fact, path: keyword.path, index: new KeywordIndex<CompiledRule>(), rules: [] };
      this.keywordSources.push(source);
    }
    source.rules.push(rule);
    for (const term of keyword.terms) source.index.add(term, rule);
  }

  /**
   * Rules that may fire on this item: into `out`, plain ones whose equalities hold (their whole
   * conditions still to test); into `termFound`, keyword rules one of whose terms occurs (their
   * keyword condition holds: only `testRest` is left). `tokens` is terms.ts's tokenizer, or a memo of it.
   */
  candidates(context: FactContext, out: CompiledRule[], termFound: CompiledRule[], tokens: Tokenizer): void {
    this.plain.candidates(context, out);
    for (const source of this.keywordSources) {
      let text: unknown;
      try {
        text = factAt(context, source.fact, source.path);
      } catch {
        // The text fact throws: its rules stay candidates, so each fails and is reported by name.
        out.push(...source.rules);
        continue;
      }
      if (typeof text === 'string') source.index.collect(tokens(text), termFound);
    }
  }
}

/** The rules for items of one scope and kind: the scope's rules for any kind, and the kind's own. */
export class RuleGroup {
  readonly rules: CompiledRule[];
  constructor(private readonly sets: RuleSet[]) {
    this.rules = sets.flatMap((set) => set.rules);
  }

  /** See RuleSet.candidates. */
  candidates(context: FactContext, out: CompiledRule[], termFound: CompiledRule[], tokens: Tokenizer): void {
    for (const set of this.sets) set.candidates(context, out, termFound, tokens);
  }
}

/** Rules of one scope, or of one scope and kind, split by what they depend on. */
interface SplitSets {
  itemOnly: RuleSet;
  chartDependent: RuleSet;
}

/**
 * Rules indexed by scope and by the kind `appliesTo` names, each split by what they depend on.
 * The rules for any kind are indexed once per scope and shared by every kind's group (a 5,000-rule
 * keyword index is built and kept in cache once, not once per document kind).
 */
export class RuleIndex {
  private readonly anyKind = new Map<Scope, SplitSets>();
  private readonly byKind = new Map<string, SplitSets>();
  private readonly groups = new Map<string, { itemOnly: RuleGroup; chartDependent: RuleGroup }>();
  private readonly scopes: ReadonlySet<Scope>;

  constructor(rules: CompiledRule[]) {
    this.scopes = new Set(rules.map((rule) => rule.spec.scope));
    for (const rule of rules) {
      const { scope, appliesTo } = rule.spec;
      const targets = appliesTo ? appliesTo.map((kind) => setsIn(this.byKind, `${scope}:${kind}`)) : [setsIn(this.anyKind, scope)];
      for (const sets of targets) (rule.itemOnly ? sets.itemOnly : sets.chartDependent).add(rule);
    }
  }

  /** True when some rule runs on items of this scope (their items need not be listed otherwise). */
  hasScope(scope: Scope): boolean {
    return this.scopes.has(scope);
  }

  /** The rule groups for items of this scope and kind (built once per scope and kind). */
  groupFor(scope: Scope, kind: string | undefined): { itemOnly: RuleGroup; chartDependent: RuleGroup } {
    const key = `${scope}:${kind ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      const sets = [this.anyKind.get(scope), kind === undefined ? undefined : this.byKind.get(key)].filter((s) => s !== undefined);
      group = {
        itemOnly: new RuleGroup(sets.map((s) => s.itemOnly)),
        chartDependent: new RuleGroup(sets.map((s) => s.chartDependent)),
      };
      this.groups.set(key, group);
    }
    return group;
  }
}

function setsIn<K>(map: Map<K, SplitSets>, key: K): SplitSets {
  let sets = map.get(key);
  if (!sets) map.set(key, (sets = { itemOnly: new RuleSet(), chartDependent: new RuleSet() }));
  return sets;
}

export type { ConditionNode };
