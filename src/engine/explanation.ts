import type { RuleResult } from 'json-rules-engine';
import type { ExplanationStep } from './finding.ts';
import { display } from './template.ts';

interface ResultNode {
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/**
 * The conditions that made the rule fire, with the values json-rules-engine saw, from its rule
 * result: every condition of an `all`, the ones that held in an `any`, the negated one of a `not`.
 */
export function explain(result: RuleResult): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  const walk = (node: ResultNode) => {
    if (node.all) node.all.forEach(walk);
    else if (node.any) node.any.filter((c) => c.result === true).forEach(walk);
    else if (node.not) walk(node.not);
    else if (node.fact !== undefined && node.result !== undefined) {
      steps.push({
        fact: node.fact,
        ...(node.path ? { path: node.path } : {}),
        operator: node.operator ?? '',
        expected: compact(node.valueResult),
        actual: compact(node.factResult),
        result: node.result,
      });
    }
  };
  walk(result.conditions as ResultNode);
  return steps;
}

/** Keeps explanations readable and small: a whole document becomes its title, long text is cut. */
export function compact(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 199)}…` : value;
  if (Array.isArray(value)) return value.length > 20 ? [...value.slice(0, 20).map(compact), `… ${value.length - 20} more`] : value.map(compact);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if ('value' in record && 'source' in record) return compact(record.value);
  if (typeof record.name === 'object' && record.name !== null && 'value' in record.name) return display(record);
  if ('title' in record && 'source' in record) return `[${String(compact(record.title))}]`;
  if ('source' in record && 'documents' in record) return '[chart]';
  const json = JSON.stringify(value);
  return json.length > 300 ? `${json.slice(0, 299)}…` : value;
}
