/**
 * Combination codes the classification presumes ("with", Section I.A.15): hypertension with heart
 * failure and/or CKD (I11.0, I12.-, I13.-), diabetes with CKD and other complications. The table
 * is data (combinations.json); this file only applies it to the codes a chart documents.
 */
import { normalizeCode } from '../code-format.ts';
import combinationsJson from './combinations.json';
import { checkedEntries, formatProblem, type DataProblem } from './data-check.ts';

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
  /** The required codes are "code also" codes: no order between them and the combination. */
  codeAlso?: boolean;
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

export const COMBINATIONS_FILE = 'src/codes/suggest/combinations.json';
const CODE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const PREFIX = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{0,4})$/;
const isPrefixes = (v: unknown, empty = true): v is string[] => Array.isArray(v) && (empty || v.length > 0) && v.every((p) => typeof p === 'string' && PREFIX.test(p));

/** Why an entry of combinations.json is malformed, or undefined when it is well formed. */
export function combinationProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'a combination must be an object';
  const c = v as Partial<Combination>;
  if (typeof c.id !== 'string' || c.id === '') return 'missing "id"';
  if (typeof c.code !== 'string' || !CODE.test(c.code)) return `"code" ${JSON.stringify(c.code)} is not an ICD-10-CM code`;
  if (!Array.isArray(c.when) || c.when.length < 2 || !c.when.every((g) => isPrefixes(g, false))) return '"when" must be two or more non-empty lists of code prefixes';
  if (!isPrefixes(c.replaces) || !isPrefixes(c.requires)) return '"replaces" and "requires" must be lists of code prefixes';
  if (typeof c.conditions !== 'string' || typeof c.guideline !== 'string') return 'missing "conditions" or "guideline"';
  return undefined;
}

/** The well-formed combinations of combinations.json and a problem (file, line with `text`) for each other one. */
export function loadCombinations(raw: unknown = combinationsJson, file = COMBINATIONS_FILE, text?: string): { combinations: Combination[]; problems: DataProblem[] } {
  const { entries, problems } = checkedEntries<Combination>((raw as { combinations?: unknown }).combinations, '/combinations', file, combinationProblem, text);
  return { combinations: entries, problems };
}

export const COMBINATIONS: readonly Combination[] = ((loaded) => {
  // Reported where the table loads; the well-formed combinations still apply.
  for (const p of loaded.problems) console.warn(`chartlint: ${formatProblem(p)}`);
  return loaded.combinations;
})(loadCombinations());

const under = (code: string, prefixes: readonly string[]): boolean => prefixes.some((p) => code.startsWith(normalizeCode(p)));

/** Every prefix some combination needs (what `supporting` codes are worth reading for). */
export function combinationParts(table: readonly Combination[] = COMBINATIONS): string[] {
  return [...new Set(table.flatMap((c) => c.when.flat().map(normalizeCode)))];
}

/**
 * The combinations that apply to `documented` (normalized codes, chart order), in table order.
 * A combination whose code is already documented is skipped, and so is one that needs a code an
 * earlier combination already replaced (HTN+HF+CKD gives I13.0, not also I11.0 and I12.9).
 * `supporting` are conditions documented outside the diagnosis statements (the history of present
 * illness, past history: "74M with HFrEF"), which may complete a combination with documented ones:
 * the link is presumed whatever the section, and I10 beside documented heart failure is wrong.
 */
export function applyCombinations(documented: readonly string[], table: readonly Combination[] = COMBINATIONS, supporting: readonly string[] = []): AppliedCombination[] {
  const consumed = new Set<string>();
  const applied: AppliedCombination[] = [];
  for (const combination of table) {
    const code = normalizeCode(combination.code);
    if (documented.includes(code)) {
      // Already coded: it stands in for its parts, so no smaller combination is built from them.
      if (combination.exclusive) documented.filter((c) => under(c, combination.replaces)).forEach((c) => consumed.add(c));
      continue;
    }
    const pick = (codes: readonly string[], group: readonly string[]) => codes.find((c) => !(combination.exclusive && consumed.has(c)) && under(c, group));
    const own = combination.when.map((group) => pick(documented, group));
    // A condition documented elsewhere in the notes (supporting) completes a combination, never makes one alone.
    if (own.every((m) => m === undefined)) continue;
    const matched = combination.when.map((group, i) => own[i] ?? pick(supporting, group));
    if (matched.some((m) => m === undefined)) continue;
    const replaced = documented.filter((c) => under(c, combination.replaces));
    if (combination.exclusive) [...replaced, ...(matched as string[]).filter((c) => under(c, combination.replaces))].forEach((c) => consumed.add(c));
    applied.push({ combination, code, matched: matched as string[], replaced, required: documented.filter((c) => under(c, combination.requires)) });
  }
  return applied;
}

/** True when `code` (normalized) is a combination whose required codes are "code also" codes (no sequencing). */
export function isCodeAlsoCombination(code: string): boolean {
  return COMBINATIONS.some((c) => c.codeAlso === true && normalizeCode(c.code) === code);
}
