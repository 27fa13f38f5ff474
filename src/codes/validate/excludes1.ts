/**
 * Excludes1 pairs (guideline I.A.12.a): two codes where one stands under an Excludes1 note
 * naming the other are not reported together. Notes are inherited: an Excludes1 note on a
 * category or section applies to every code below it. Either direction counts.
 */
import { normalizeCode } from '../code-format.ts';
import { refMatches } from '../code-refs.ts';
import type { NoteWithRefs } from '../tabular-notes.ts';
import type { CodeTable } from '../table.ts';

export interface Excludes1Conflict {
  /** The code under whose notes the Excludes1 stands. */
  code: string;
  /** The other code, which the note excludes. */
  excluded: string;
  /** Level carrying the note (category, subcategory, section id). */
  noteAt: string;
  note: NoteWithRefs;
}

/** The Excludes1 note that forbids reporting `a` with `b`, looking from both sides. */
export function excludes1Conflict(table: CodeTable, a: string, b: string): Excludes1Conflict | undefined {
  const x = normalizeCode(a);
  const y = normalizeCode(b);
  if (x === y) return undefined;
  return findNote(table, x, y) ?? findNote(table, y, x);
}

/** Every Excludes1 conflict among a list of reported codes (each pair once). */
export function excludes1Conflicts(table: CodeTable, codes: readonly string[]): Excludes1Conflict[] {
  const out: Excludes1Conflict[] = [];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const conflict = excludes1Conflict(table, codes[i] ?? '', codes[j] ?? '');
      if (conflict) out.push(conflict);
    }
  }
  return out;
}

function findNote(table: CodeTable, code: string, other: string): Excludes1Conflict | undefined {
  for (const level of table.notesFor(code)) {
    for (const note of level.excludes1 ?? []) {
      // A note pointing back at the code's own branch (a range covering both) is not a pair.
      if (note.refs.some((ref) => refMatches(ref, other) && !refMatches(ref, code))) {
        return { code, excluded: other, noteAt: 'code' in level ? level.code : level.id, note };
      }
    }
  }
  return undefined;
}
