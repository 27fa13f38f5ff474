import type { TopLevelCondition } from 'json-rules-engine';
import type { FactContext } from './facts/fact.ts';
import type { OperatorDefinition } from './operators/operator.ts';
import { isValidPath, resolvePath } from './path.ts';

/** A condition as written in a rule file, before or after shared references are inlined. */
export type ConditionNode =
  | { all: ConditionNode[]; name?: string; priority?: number }
  | { any: ConditionNode[]; name?: string; priority?: number }
  | { not: ConditionNode; name?: string; priority?: number }
  | { condition: string; name?: string; priority?: number }
  | Leaf;
export interface Leaf {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  name?: string;
  priority?: number;
}

export interface FactRef {
  fact: string;
  path?: string;
}

export function isLeaf(node: ConditionNode): node is Leaf {
  return 'fact' in node;
}

export function isFactRef(value: unknown): value is FactRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as FactRef).fact === 'string';
}

/** Replaces `{condition: name}` with the pack's shared condition; throws on an unknown name. */
export function inlineReferences(node: ConditionNode, shared: Record<string, ConditionNode>, seen: string[] = []): ConditionNode {
  if ('condition' in node) {
    const target = shared[node.condition];
    if (!target) throw new Error(`unknown shared condition "${node.condition}"`);
    if (seen.includes(node.condition)) throw new Error(`shared condition "${node.condition}" refers to itself`);
    return inlineReferences(target, shared, [...seen, node.condition]);
  }
  if ('all' in node) return { ...node, all: node.all.map((c) => inlineReferences(c, shared, seen)) };
  if ('any' in node) return { ...node, any: node.any.map((c) => inlineReferences(c, shared, seen)) };
  if ('not' in node) return { ...node, not: inlineReferences(node.not, shared, seen) };
  return node;
}

/** Every leaf of a condition tree. */
export function leavesOf(node: ConditionNode): Leaf[] {
  if ('all' in node) return node.all.flatMap(leavesOf);
  if ('any' in node) return node.any.flatMap(leavesOf);
  if ('not' in node) return leavesOf(node.not);
  if ('condition' in node) return [];
  return [node];
}

/** Problems with facts, operators, paths and values in a (reference-free) condition tree. */
export function checkConditions(
  node: ConditionNode,
  facts: ReadonlySet<string>,
  operators: ReadonlyMap<string, OperatorDefinition>,
): string[] {
  const problems: string[] = [];
  const checkRef = (ref: FactRef, where: string) => {
    if (!facts.has(ref.fact)) problems.push(`${where}: unknown fact "${ref.fact}"`);
    if (ref.path !== undefined && !isValidPath(ref.path)) problems.push(`${where}: bad path "${ref.path}"`);
  };
  for (const leaf of leavesOf(node)) {
    const where = `condition on ${leaf.fact}${leaf.path ? `.${leaf.path}` : ''}`;
    checkRef(leaf, where);
    const operator = operators.get(leaf.operator);
    if (!operator) problems.push(`${where}: unknown operator "${leaf.operator}"`);
    if (isFactRef(leaf.value)) checkRef(leaf.value, `${where}, value`);
    else {
      const problem = operator?.checkValue?.(leaf.value);
      if (problem) problems.push(`${where}: ${problem}`);
    }
  }
  return problems;
}

/** The value of `fact` at `path`, the way json-rules-engine's almanac reads it. */
export function factAt(context: FactContext, fact: string, path: string | undefined): unknown {
  const value = context.fact(fact);
  if (path && value !== null && typeof value === 'object') return resolvePath(value, path);
  return value;
}

/** The tree as json-rules-engine's type wants it (our nodes are a subset of its conditions). */
export function asEngineConditions(node: ConditionNode): TopLevelCondition {
  return (isLeaf(node) ? { all: [node] } : node);
}
