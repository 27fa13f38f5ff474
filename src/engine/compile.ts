import { Engine, Operator } from 'json-rules-engine';
import { isFactRef, leavesOf, type ConditionNode, type Leaf } from './conditions.ts';
import type { FactDefinition } from './facts/fact.ts';
import { CUSTOM_OPERATORS } from './operators/index.ts';
import { resolvePath } from './path.ts';
import type { RuleSpec } from './rule.ts';
import { templatePaths } from './template.ts';

/** A rule ready to run: its spec, the facts it reads, and (once needed) its engine. */
export interface CompiledRule {
  spec: RuleSpec;
  node: ConditionNode;
  /** Facts its conditions read (the engine's runtime facts). */
  facts: string[];
  /** True when every fact it reads depends on the item alone: results survive other edits. */
  itemOnly: boolean;
  /** A top-level `containsAnyTerm` condition with a literal term list: the keyword index key. */
  keyword?: { fact: string; path?: string; terms: string[] };
  engine?: Engine;
}

export function compileRule(spec: RuleSpec, facts: ReadonlyMap<string, FactDefinition>): CompiledRule {
  const node = spec.conditions as ConditionNode;
  const leaves = leavesOf(node);
  const conditionFacts = new Set<string>();
  for (const leaf of leaves) {
    conditionFacts.add(leaf.fact);
    if (isFactRef(leaf.value)) conditionFacts.add(leaf.value.fact);
  }
  const shown = [...(spec.evidence ?? []), ...templatePaths(spec.message), ...templatePaths(spec.detail ?? '')].map((p) => p.split('.')[0]!);
  const read = [...conditionFacts, ...shown];
  return {
    spec,
    node,
    facts: [...conditionFacts],
    itemOnly: read.every((id) => facts.get(id)?.dependsOn === 'item'),
    keyword: keywordOf(node),
  };
}

function keywordOf(node: ConditionNode): CompiledRule['keyword'] {
  const top: ConditionNode[] = 'all' in node ? node.all : [node];
  const leaf = top.find(
    (c): c is Leaf => 'fact' in c && c.operator === 'containsAnyTerm' && Array.isArray(c.value) && c.value.length > 0,
  );
  return leaf ? { fact: leaf.fact, path: leaf.path, terms: leaf.value as string[] } : undefined;
}

/**
 * One json-rules-engine Engine per rule, built on first use and reused for every item after:
 * the evaluator runs only the rules its index passes, and an engine runs all of its rules.
 */
export function engineFor(rule: CompiledRule): Engine {
  if (!rule.engine) {
    const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath });
    for (const operator of CUSTOM_OPERATORS) {
      engine.addOperator(new Operator(operator.name, operator.evaluate, operator.acceptsFactValue));
    }
    engine.addRule({ name: rule.spec.id, conditions: rule.spec.conditions, event: { type: rule.spec.id } });
    rule.engine = engine;
  }
  return rule.engine;
}
