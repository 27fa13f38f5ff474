/**
 * Default codes that give way when the chart says more: "diabetes" alone is type 2 (E11.-,
 * Section I.C.4.a.2) only when no other type of diabetes is documented, and a complication
 * written without a type ("DKA") takes the documented type (lexicon.json `defaults`).
 */
import { normalizeCode } from '../code-format.ts';
import lexiconJson from './lexicon.json';
import { wordsOf } from './tokens.ts';
import type { Mention } from './types.ts';

interface Defaults {
  map: Record<string, string[]>;
  typed: { from: string; to: string[] };
  typeWords: string[];
}
const DEFAULTS = (lexiconJson as unknown as { defaults: Defaults }).defaults;
const TYPE_WORDS = DEFAULTS.typeWords.map((w) => ` ${wordsOf(w).join(' ')} `);

/** Removes, in place, default codes whose alternatives are documented. */
export function dropDefaultedTypes(current: Map<string, Mention[]>): void {
  for (const [fallback, alternatives] of Object.entries(DEFAULTS.map)) {
    const code = normalizeCode(fallback);
    if (!current.has(code)) continue;
    const others = alternatives.map(normalizeCode);
    if ([...current.keys()].some((c) => others.some((p) => c.startsWith(p)))) current.delete(code);
  }
}

const namesType = (m: Mention) => TYPE_WORDS.some((w) => ` ${wordsOf(m.phrase).join(' ')} `.includes(w));

/**
 * Moves, in place, the default-type (E11) codes whose mentions name no type to the one other
 * type documented (E10.10 for "DKA" beside "type 1 diabetes"), when `exists` has that code.
 * Nothing moves when two other types are documented or a mention names type 2.
 */
export function settleDiabetesType(current: Map<string, Mention[]>, exists: (code: string) => boolean): void {
  const from = normalizeCode(DEFAULTS.typed.from);
  const types = DEFAULTS.typed.to.map(normalizeCode).filter((t) => [...current.keys()].some((c) => c.startsWith(t)));
  if (types.length !== 1) return;
  const to = types[0]!;
  for (const [code, ms] of [...current]) {
    if (!code.startsWith(from) || ms.some(namesType)) continue;
    const moved = to + code.slice(from.length);
    if (!exists(moved)) continue;
    current.delete(code);
    current.set(moved, [...(current.get(moved) ?? []), ...ms]);
  }
}
