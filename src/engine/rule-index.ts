import type { CompiledRule } from './compile.ts';
import { factAt, type ConditionNode } from './conditions.ts';
import type { FactContext } from './facts/fact.ts';
import type { Scope } from './rule.ts';
import { TermMatcher, tokensOf } from './terms.ts';

/** Rules of one scope and kind, split so keyword rules are found with one pass over the text. */
export class RuleGroup {
  /** Every rule of the group, in pack order. */
  readonly rules: CompiledRule[] = [];
  readonly plain: CompiledRule[] = [];
  readonly keywordSources: { fact: string; path?: string; matcher: TermMatcher<CompiledRule> }[] = [];

  add(rule: CompiledRule): void {
    this.rules.push(rule);
    const keyword = rule.keyword;
    if (!keyword) {
      this.plain.push(rule);
      return;
    }
    let source = this.keywordSources.find((s) => s.fact === keyword.fact && s.path === keyword.path);
    if (!source) {
      source = { fact: keyword.fact, path: keyword.path, matcher: new TermMatcher<CompiledRule>() };
      this.keywordSources.push(source);
    }
    for (const term of keyword.terms) source.matcher.add(term, rule);
  }

  /** Rules that may fire on this item: all plain ones, and keyword ones whose terms occur. */
  candidates(context: FactContext): CompiledRule[] {
    if (this.keywordSources.length === 0) return this.plain;
    const out = [...this.plain];
    for (const source of this.keywordSources) {
      const text = factAt(context, source.fact, source.path);
      if (typeof text === 'string') out.push(...source.matcher.matches(tokensOf(text)));
    }
    return out;
  }
}

/** Rules indexed by scope and by the kind `appliesTo` names, each split by what they depend on. */
export class RuleIndex {
  private readonly anyKind = new Map<Scope, CompiledRule[]>();
  private readonly byKind = new Map<string, CompiledRule[]>();
  private readonly groups = new Map<string, { itemOnly: RuleGroup; chartDependent: RuleGroup }>();

  constructor(rules: CompiledRule[]) {
    for (const rule of rules) {
      const { scope, appliesTo } = rule.spec;
      if (!appliesTo) this.anyKind.set(scope, [...(this.anyKind.get(scope) ?? []), rule]);
      else for (const kind of appliesTo) this.byKind.set(`${scope}:${kind}`, [...(this.byKind.get(`${scope}:${kind}`) ?? []), rule]);
    }
  }

  /** The rule groups for items of this scope and kind (built once per scope and kind). */
  groupFor(scope: Scope, kind: string | undefined): { itemOnly: RuleGroup; chartDependent: RuleGroup } {
    const key = `${scope}:${kind ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { itemOnly: new RuleGroup(), chartDependent: new RuleGroup() };
      const rules = [...(this.anyKind.get(scope) ?? []), ...(kind === undefined ? [] : (this.byKind.get(key) ?? []))];
      for (const rule of rules) (rule.itemOnly ? group.itemOnly : group.chartDependent).add(rule);
      this.groups.set(key, group);
    }
    return group;
  }
}

export type { ConditionNode };
