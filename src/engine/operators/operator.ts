/**
 * A custom operator: `evaluate(factValue, value)` where factValue is what the condition's fact
 * (and path) yielded and value is the condition's `value`. Like json-rules-engine's own
 * operators, a fact value the operator does not accept makes the condition false.
 */
export interface OperatorDefinition {
  name: string;
  description: string;
  acceptsFactValue?: (factValue: unknown) => boolean;
  evaluate: (factValue: unknown, value: unknown) => boolean;
  /** Checks the condition's `value` at load time; returns a problem, or undefined when fine. */
  checkValue?: (value: unknown) => string | undefined;
}

/** Applies an operator the way json-rules-engine does: validator first, then the test. */
export function applyOperator(operator: OperatorDefinition, factValue: unknown, value: unknown): boolean {
  return (operator.acceptsFactValue?.(factValue) ?? true) && operator.evaluate(factValue, value);
}
