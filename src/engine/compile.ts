import { Engine, Operator, Rule } from 'json-rules-engine';
import { isFactRef, leavesOf, type ConditionNode, type Leaf } from './conditions.ts';
import { equalitiesOf, type Equality } from './equality-index.ts';
import type { FactDefinition } from './facts/fact.ts';
import { CUSTOM_OPERATORS, OPERATORS } from './operators/index.ts';
import { resolvePath } from './path.ts';
import { compilePredicate, type Predicate } from './predicate.ts';
import type { RuleSpec } from './rule.ts';
import { templatePaths } from './template.ts';

/** A rule ready to run: its spec, the facts it reads, its pre-filter and (once needed) its engine rule. */
export interface CompiledRule {
  spec: RuleSpec;
  node: ConditionNode;
  /** Facts its conditions read (the engine's runtime facts). */
  facts: string[];
  /** True when every fact it reads depends on the item alone: results survive other edits. */
  itemOnly: boolean;
  /** A top-level `containsAnyTerm` condition with a literal term list: the keyword index key. */
  keyword?: { fact: string; path?: string; terms: string[] };
  /** Top-level `equal` conditions with literal values: the equality index keys. */
  equalities: Equality[];
  /** The conditions as one synchronous function: the pre-filter. */
  test: Predicate;
  /**
   * For keyword rules, the conditions other than the keyword one: what is left to test once the
   * keyword index found one of the terms in the same text (the same matcher decides both).
   */
  testRest?: Predicate;
  /** json-rules-engine's Rule, parsed once (see engineRuleOf). */
  engineRule?: Rule;
}

export function compileRule(spec: RuleSpec, facts: ReadonlyMap<string, FactDefinition>): CompiledRule {
  const node = spec.conditions as ConditionNode;
  const leaves = leavesOf(node);
  const conditionFacts = new Set<string>();
  for (const leaf of leaves) {
    conditionFacts.add(leaf.fact);
    if (isFactRef(leaf.value)) conditionFacts.add(leaf.value.fact);
  }
  const shown = [...(spec.evidence ?? []), ...(spec.codesFrom ? [spec.codesFrom] : []), ...templatePaths(spec.message), ...templatePaths(spec.detail ?? ''), ...templatePaths(spec.query ?? '')].map((p) => p.split('.')[0]!);
  const read = [...conditionFacts, ...shown];
  const top: ConditionNode[] = 'all' in node ? node.all : [node];
  const leaf = keywordLeafOf(top);
  return {
    spec,
    node,
    facts: [...conditionFacts],
    itemOnly: read.every((id) => facts.get(id)?.dependsOn === 'item'),
    keyword: leaf ? { fact: leaf.fact, path: leaf.path, terms: leaf.value as string[] } : undefined,
    equalities: equalitiesOf(node),
    test: compilePredicate(node, OPERATORS),
    ...(leaf ? { testRest: compilePredicate({ all: top.filter((c) => c !== leaf) }, OPERATORS) } : {}),
  };
}

/** A top-level `containsAnyTerm` condition with a literal term list, if the rule has one. */
function keywordLeafOf(top: ConditionNode[]): Leaf | undefined {
  return top.find((c): c is Leaf => 'fact' in c && c.operator === 'containsAnyTerm' && Array.isArray(c.value) && c.value.length > 0);
}

/**
 * The rule as json-rules-engine's Rule, parsed once and reused by every run. Its name is its
 * position among the evaluator's rules, so a run's results map back to the rules.
 */
export function engineRuleOf(rule: CompiledRule, name: string): Rule {
  rule.engineRule ??= new Rule({ name, conditions: rule.spec.conditions, event: { type: rule.spec.id } });
  return rule.engineRule;
}

/**
 * A json-rules-engine Engine with chartlint's operators and path resolver and no rules of its own:
 * the evaluator adds the rules of one run, runs them together, and takes them out again.
 */
export function createEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath });
  for (const operator of CUSTOM_OPERATORS) {
    engine.addOperator(new Operator(operator.name, operator.evaluate, operator.acceptsFactValue));
  }
  return engine;
}
