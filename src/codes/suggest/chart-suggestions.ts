/**
 * The suggestions of a snapshot against the active code table, computed once per snapshot and
 * table and shared by the engine's `suggestion` scope and the facts that read them.
 */
import type { ChartSnapshot } from '../../chart/snapshot.ts';
import { activeCodeTable } from '../active-table.ts';
import type { CodeTable } from '../table.ts';
import { suggestCodes } from './suggest.ts';
import type { CodeSuggestion } from './types.ts';

const memo = new WeakMap<ChartSnapshot, { table: CodeTable; suggestions: CodeSuggestion[] }>();

/** Suggestions for this snapshot (memoized while the snapshot object lives). */
export function chartSuggestions(snapshot: ChartSnapshot, table: CodeTable = activeCodeTable()): CodeSuggestion[] {
  const hit = memo.get(snapshot);
  if (hit?.table === table) return hit.suggestions;
  const suggestions = suggestCodes(snapshot, table);
  memo.set(snapshot, { table, suggestions });
  return suggestions;
}
