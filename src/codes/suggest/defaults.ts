/**
 * Default codes that give way when the chart says more: "diabetes" alone is type 2 (E11.-,
 * Section I.C.4.a.2) only when no other type of diabetes is documented.
 */
import { normalizeCode } from '../code-format.ts';
import lexiconJson from './lexicon.json';
import type { Mention } from './types.ts';

const DEFAULTS = (lexiconJson as unknown as { defaults: { map: Record<string, string[]> } }).defaults.map;

/** Removes, in place, default codes whose alternatives are documented. */
export function dropDefaultedTypes(current: Map<string, Mention[]>): void {
  for (const [fallback, alternatives] of Object.entries(DEFAULTS)) {
    const code = normalizeCode(fallback);
    if (!current.has(code)) continue;
    const others = alternatives.map(normalizeCode);
    if ([...current.keys()].some((c) => others.some((p) => c.startsWith(p)))) current.delete(code);
  }
}
