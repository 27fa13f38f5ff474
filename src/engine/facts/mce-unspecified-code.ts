import { activeCodeTable } from '../../codes/active-table.ts';
import { claimCodeOf, codingDate } from '../../codes/chart-codes.ts';
import { dotted } from '../../codes/code-format.ts';
import { chartSuggestions } from '../../codes/suggest/chart-suggestions.ts';
import type { CodeEntry, CodeTable } from '../../codes/table.ts';
import { mceFlagsOn } from '../../codes/validate/mce-flags.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/** Specific codes named in the message; M00.00 (unspecified joint) has sixteen. */
const NAMED = 4;
const UNSPECIFIED = 'unspecified';

/** "unspecified" as titles spell it, short titles included ("unsp femur"). */
const UNSPECIFIED_WORD = /\bunsp(?:ecified)?\b/gi;

/** How many things the code's title leaves unspecified (S52.109R "Unsp fx upr end unsp rad": 2). */
function unspecifiedCount(entry: CodeEntry): number {
  return Math.max(entry.short.match(UNSPECIFIED_WORD)?.length ?? 0, entry.long?.match(UNSPECIFIED_WORD)?.length ?? 0);
}

/**
 * A code more specific than `vague` on the date: billable, not flagged unspecified by the MCE
 * then (a code with no MCE data is taken as listed), and leaving fewer things unspecified in its
 * title. The MCE flags only some codes of a family (L89.003 and L89.004, not L89.000-L89.002),
 * so the title tells the other stages of the same unspecified elbow apart from the sided codes.
 */
function isMoreSpecific(table: CodeTable, entry: CodeEntry, vague: number, date: string): boolean {
  if (!entry.billable || unspecifiedCount(entry) >= vague) return false;
  if (!table.mcePeriods(entry.code)) return true;
  const flags = mceFlagsOn(table, entry.code, date);
  return flags !== undefined && !flags.includes(UNSPECIFIED);
}

/**
 * The specific codes the unspecified one stands for, found by changing one character of it,
 * last first, and keeping the rest: the more specific codes under the prefix before that
 * character that end as the code does after it. So L97.101 (unspecified thigh, skin breakdown)
 * gives L97.111 and L97.121, the same severity on either side, and T84.50XA T84.51XA-T84.59XA.
 * The 7th character of a 7-character code is an extension (the encounter: the MCE leaves
 * T84.50XD/XS unflagged), so it changes only when nothing else does: T86.8409 gives
 * T86.8401-T86.8403. When no one-character change is more specific (S21.90XA, unspecified part
 * of the thorax), all the more specific codes under the nearest ancestor that has any, with the
 * same 7th character.
 */
function specificCodes(table: CodeTable, code: string, date: string): CodeEntry[] {
  const own = table.get(code);
  // A flagged code whose title does not say "unspecified" (rare) still has its sided codes.
  const vague = own ? Math.max(unspecifiedCount(own), 1) : 1;
  const under = (n: number, keep: (e: CodeEntry) => boolean): CodeEntry[] =>
    table.withPrefix(code.slice(0, n), Number.POSITIVE_INFINITY).filter((e) => e.code !== code && keep(e) && isMoreSpecific(table, e, vague, date));
  const positions: number[] = [];
  for (let n = code.length - 1; n >= 3; n--) positions.push(n);
  if (code.length === 7) positions.push(positions.shift() ?? 6);
  for (const n of positions) {
    // Placeholder X's stand where the specific codes have characters (M84.40XK, M84.411K).
    const rest = code.slice(n + 1).replace(/^X+/, '');
    const found = under(n, (e) => (code.length < 7 || e.code.length === 7) && e.code.endsWith(rest));
    if (found.length > 0) return found;
  }
  const extension = code.length === 7 ? code.slice(6) : undefined;
  for (let n = code.length - 1; n >= 3; n--) {
    const found = under(n, (e) => extension === undefined || (e.code.length === 7 && e.code.endsWith(extension)));
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The MCE "unspecified code" edit (edit 20) on a reported diagnosis: the code carries the
 * `unspecified` flag on the coding date, i.e. the classification has codes for the side or type.
 * {code, title, moreSpecific (the specific codes in words), specific (the first of them with
 * their titles; absent when the table holds none), count}. Problem-list entries are not reported codes and are left alone.
 * Undefined when the code is not flagged on that date (the flag starts on 2022-04-01).
 */
export const mceUnspecifiedCode: FactDefinition = {
  id: 'mceUnspecifiedCode',
  description: 'MCE unspecified-code edit (edit 20) of a reported diagnosis, with the more specific codes of its category',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    const diagnosis = item as CodedItem;
    const code = claimCodeOf(diagnosis);
    if (!code) return undefined;
    const table = activeCodeTable();
    const date = codingDate(snapshot);
    if (!mceFlagsOn(table, code, date)?.includes(UNSPECIFIED)) return undefined;
    // The chart documents the specific code: more-specific-code-documented already says which,
    // with the evidence; a second finding on the same code would only add noise.
    if (chartSuggestions(snapshot, table).some((s) => s.kind === 'specificity' && s.replaces.includes(dotted(code)))) return undefined;
    const entry = table.get(code);
    const found = specificCodes(table, code, date);
    const named = found.slice(0, NAMED);
    const more = found.length > NAMED ? ` and ${found.length - NAMED} more` : '';
    // The fallback list holds a few hundred codes: the specific ones are usually not among them.
    const moreSpecific =
      found.length > 0
        ? `more specific codes exist: ${named.map((e) => dotted(e.code)).join(', ')}${more}`
        : `more specific codes exist, none of them in the loaded code table${table.release.partial ? ' (a partial list)' : ''}`;
    return {
      code: dotted(code),
      title: entry?.long ?? entry?.short ?? diagnosis.text.value,
      moreSpecific,
      ...(found.length > 0 ? { specific: named.map((e) => `${dotted(e.code)} ${e.long ?? e.short}`).join('; ') + more } : {}),
      count: found.length,
    };
  },
};
