import { isFactRef, type ConditionNode } from './conditions.ts';
import type { FactContext } from './facts/fact.ts';
import type { OperatorDefinition } from './operators/operator.ts';

/** A condition tree turned into one synchronous function of an item's facts. */
export type Predicate = (context: FactContext) => boolean;
type Reader = (context: FactContext) => unknown;

/**
 * Compiles a condition tree once per rule into closures (no code generation): operators looked up
 * and paths split at load, so testing a rule on an item is plain synchronous calls. It decides as
 * json-rules-engine does (the same operator definitions, memoized facts and path semantics; see
 * operators/builtin.ts); the evaluator uses it as its pre-filter, and json-rules-engine still
 * decides and explains every rule that passes it.
 */
export function compilePredicate(node: ConditionNode, operators: ReadonlyMap<string, OperatorDefinition>): Predicate {
  if ('all' in node) {
    const parts = node.all.map((c) => compilePredicate(c, operators));
    return (context) => {
      for (const part of parts) if (!part(context)) return false;
      return true;
    };
  }
  if ('any' in node) {
    const parts = node.any.map((c) => compilePredicate(c, operators));
    return (context) => {
      for (const part of parts) if (part(context)) return true;
      return false;
    };
  }
  if ('not' in node) {
    const inner = compilePredicate(node.not, operators);
    return (context) => !inner(context);
  }
  if ('condition' in node) return () => true;
  const operator = operators.get(node.operator);
  if (!operator) {
    // Packs are checked at load; should one slip through, it fails when run, naming the rule.
    const name = node.operator;
    return () => {
      throw new Error(`Unknown operator "${name}"`);
    };
  }
  const left = readerOf(node.fact, node.path);
  const literal = node.value;
  const right: Reader = isFactRef(literal) ? readerOf(literal.fact, literal.path) : () => literal;
  const { acceptsFactValue, evaluate } = operator;
  return (context) => {
    const value = right(context);
    const factValue = left(context);
    return (acceptsFactValue ? acceptsFactValue(factValue) : true) && evaluate(factValue, value);
  };
}

/**
 * Reads `fact` at `path` the way json-rules-engine's almanac does with chartlint's path resolver
 * (path.ts): a missing step gives undefined; a path on a non-object gives the value itself.
 */
export function readerOf(fact: string, path: string | undefined): Reader {
  if (!path) return (context) => context.fact(fact);
  const segments = path.split('.');
  return (context) => {
    const value = context.fact(fact);
    if (value === null || typeof value !== 'object') return value;
    let current: unknown = value;
    for (const segment of segments) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
    return current;
  };
}
