/**
 * Which codes leave something unsaid: titles that say "unspecified", "without complications"
 * (the type-only diabetes codes) or "site not specified". Such a code gives way to a more
 * specific code of the same category when the chart documents one (Section I.B.2, I.B.18).
 */
import { normalizeCode } from '../code-format.ts';
import type { CodeTable } from '../table.ts';

const UNSPECIFIED_TITLE = /\b(unspecified|unsp|without complications|w\/o complications|site not specified|NOS)\b/i;

/** True when the code's title marks it as unspecified. */
export function isUnspecified(table: CodeTable, code: string): boolean {
  const entry = table.get(code);
  return entry !== undefined && UNSPECIFIED_TITLE.test(`${entry.short} ${entry.long ?? ''}`);
}

/** The 3-character category of a code. */
export function categoryOf(code: string): string {
  return normalizeCode(code).slice(0, 3);
}

/** True when `specific` is a different, specified code of the same category as `vague`. */
export function refines(table: CodeTable, specific: string, vague: string): boolean {
  return specific !== vague && categoryOf(specific) === categoryOf(vague) && !isUnspecified(table, specific) && isUnspecified(table, vague);
}
