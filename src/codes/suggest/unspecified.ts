/**
 * Which codes leave something unsaid: titles that say "unspecified", "without complications"
 * (the type-only diabetes codes) or "site not specified", and the codes gives-way.json names
 * (pneumonia of unspecified organism before an organism-specific code, hypertension before the
 * hypertensive heart or kidney disease codes). Such a code gives way to a more specific code of
 * the same condition when the chart documents or codes one (Section I.B.2, I.B.18).
 */
import { normalizeCode } from '../code-format.ts';
import type { CodeTable } from '../table.ts';
import givesWayJson from './gives-way.json';

const UNSPECIFIED_TITLE = /\b(unspecified|unsp|without complications|w\/o complications|site not specified|NOS)\b/i;

/** Less specific prefix → prefixes of the codes that say more (normalized). */
export const GIVES_WAY: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries((givesWayJson as { map: Record<string, string[]> }).map).map(([vague, specific]) => [normalizeCode(vague), specific.map(normalizeCode)]),
);

/** True when the code's title marks it as unspecified. */
export function isUnspecified(table: CodeTable, code: string): boolean {
  const entry = table.get(code);
  return entry !== undefined && UNSPECIFIED_TITLE.test(`${entry.short} ${entry.long ?? ''}`);
}

/** The 3-character category of a code. */
export function categoryOf(code: string): string {
  return normalizeCode(code).slice(0, 3);
}

/** True when gives-way.json says `specific` says more about the condition of `vague`. */
export function givesWayTo(vague: string, specific: string): boolean {
  const v = normalizeCode(vague);
  const s = normalizeCode(specific);
  if (v === s) return false;
  for (const [prefix, better] of GIVES_WAY) if (v.startsWith(prefix) && better.some((p) => s.startsWith(p))) return true;
  return false;
}

/**
 * True when `specific` is a different, more specific code of the condition of `vague`: a
 * specified code of the same category where `vague` is unspecified, or one gives-way.json names.
 */
export function refines(table: CodeTable, specific: string, vague: string): boolean {
  if (specific === vague) return false;
  // Asked for every pair of a chart's codes: memoized per table.
  let memo = REFINES.get(table);
  if (!memo) REFINES.set(table, (memo = new Map<string, boolean>()));
  const key = `${specific}>${vague}`;
  let answer = memo.get(key);
  if (answer === undefined) {
    answer = givesWayTo(vague, specific) || (categoryOf(specific) === categoryOf(vague) && sameCondition(table, specific, vague) && !isUnspecified(table, specific) && isUnspecified(table, vague));
    memo.set(key, answer);
  }
  return answer;
}

const REFINES = new WeakMap<CodeTable, Map<string, boolean>>();

/**
 * Within a category, an unspecified code of a specified subcategory is refined only inside it:
 * E11.40 (diabetic neuropathy, unspecified) by E11.42, not by E11.621 (a foot ulcer is another
 * complication, coded beside it); an unspecified subcategory (L03.9-, I48.9-) by any code of
 * the category.
 */
function sameCondition(table: CodeTable, specific: string, vague: string): boolean {
  const sub = vague.slice(0, 4);
  return vague.length <= 4 || specific.startsWith(sub) || isUnspecified(table, sub);
}
