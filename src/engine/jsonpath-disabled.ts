/**
 * Stands in for jsonpath-plus in the extension bundle. json-rules-engine imports it for its
 * default path resolver, which chartlint never uses (every engine gets our own resolver), and
 * jsonpath-plus carries a `Function(...)` evaluator that an MV3 extension must not ship.
 */
export function JSONPath(): never {
  throw new Error('JSONPath is not available in chartlint; rules use plain dotted paths.');
}
