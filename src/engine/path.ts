/**
 * The path resolver for conditions, templates and evidence: dot-separated property names and
 * array indexes (`signature.signedAt.iso`, `sections.0.title`). json-rules-engine's default is
 * JSONPath (jsonpath-plus), which is slower and contains code evaluation we keep out of the
 * extension.
 */
const SEGMENT = /^[A-Za-z_$][\w$-]*$|^\d+$/;
const splitCache = new Map<string, string[]>();

/** True when `path` is a well-formed dotted path. */
export function isValidPath(path: string): boolean {
  return path.length > 0 && path.split('.').every((segment) => SEGMENT.test(segment));
}

function segmentsOf(path: string): string[] {
  let segments = splitCache.get(path);
  if (!segments) {
    segments = path.split('.');
    splitCache.set(path, segments);
  }
  return segments;
}

/** The value at `path` in `value`, or undefined when any step is missing. */
export function resolvePath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of segmentsOf(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
