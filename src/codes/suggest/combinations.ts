/**
 * Combination codes the classification presumes ("with", Section I.A.15): hypertension with heart
 * failure and/or CKD (I11.0, I12.-, I13.-), diabetes with CKD and other complications. The table
 * is data (combinations.json); this file only applies it to the codes a chart documents.
 */
import { normalizeCode } from '../code-format.ts';
import combinationsJson from './combinations.json';

export interface Combination {
  id: string;
  code: string;
  /** Every group must be documented (a code under one of its prefixes). */
  when: string[][];
  /** Prefixes of the codes the combination stands in for. */
  replaces: string[];
  /** Prefixes of documented codes that must be reported beside it (use additional code). */
  requires: string[];
  conditions: string;
  guideline: string;
  /** Alternatives of one another (hypertension): only the first that applies is used. */
  exclusive?: boolean;
}

/** A combination that applies, with the documented codes that made it apply. */
export interface AppliedCombination {
  combination: Combination;
  /** Normalized code. */
  code: string;
  /** Normalized codes matched by each `when` group (first match per group). */
  matched: string[];
  /** Normalized documented codes it stands in for. */
  replaced: string[];
  /** Normalized documented codes to be reported beside it. */
  required: string[];
}

export const COMBINATIONS: readonly Combination[] = (combinationsJson as unknown as { combinations: Combination[] }).combinations;

const under = (code: string, prefixes: readonly string[]): boolean => prefixes.some((p) => code.startsWith(normalizeCode(p)));

/**
 * The combinations that apply to `documented` (normalized codes, chart order), in table order.
 * A combination whose code is already documented is skipped, and so is one that needs a code an
 * earlier combination already replaced (HTN+HF+CKD gives I13.0, not also I11.0 and I12.9).
 */
export function applyCombinations(documented: readonly string[], table: readonly Combination[] = COMBINATIONS): AppliedCombination[] {
  const consumed = new Set<string>();
  const applied: AppliedCombination[] = [];
  for (const combination of table) {
    const code = normalizeCode(combination.code);
    if (documented.includes(code)) {
      // Already coded: it stands in for its parts, so no smaller combination is built from them.
      if (combination.exclusive) documented.filter((c) => under(c, combination.replaces)).forEach((c) => consumed.add(c));
      continue;
    }
    const matched = combination.when.map((group) => documented.find((c) => !(combination.exclusive && consumed.has(c)) && under(c, group)));
    if (matched.some((m) => m === undefined)) continue;
    const replaced = documented.filter((c) => under(c, combination.replaces));
    if (combination.exclusive) replaced.forEach((c) => consumed.add(c));
    applied.push({ combination, code, matched: matched as string[], replaced, required: documented.filter((c) => under(c, combination.requires)) });
  }
  return applied;
}
