/**
 * "Use additional code" and "code first" notes (guideline I.A.13, I.B.7): E11.22 asks for the
 * CKD stage (N18.1-N18.6) beside it; a manifestation asks for its etiology before it. Only
 * notes that name codes can be checked; "code also"-style free text is left to the coder.
 */
import { normalizeCode } from '../code-format.ts';
import { refMatches } from '../code-refs.ts';
import type { NoteWithRefs } from '../tabular-notes.ts';
import type { CodeTable } from '../table.ts';

export interface UnmetNote {
  code: string;
  kind: 'useAdditionalCode' | 'codeFirst';
  noteAt: string;
  note: NoteWithRefs;
}

/**
 * Notes of `code` that none of the other reported codes satisfies. For "code first" the
 * satisfying code must come earlier in `reported` (sequencing), for "use additional" anywhere.
 */
export function unmetSequencingNotes(table: CodeTable, code: string, reported: readonly string[]): UnmetNote[] {
  const self = normalizeCode(code);
  const others = reported.map(normalizeCode);
  const position = others.indexOf(self);
  const out: UnmetNote[] = [];
  for (const level of table.notesFor(self)) {
    // Chapter- and section-wide notes ("use additional code to identify resistance...") are advice.
    if (!('code' in level)) continue;
    const noteAt = level.code;
    for (const kind of ['useAdditionalCode', 'codeFirst'] as const) {
      for (const note of level[kind] ?? []) {
        if (note.refs.length === 0) continue;
        const candidates = kind === 'codeFirst' && position >= 0 ? others.slice(0, position) : others;
        const met = candidates.some((c) => c !== self && note.refs.some((ref) => refMatches(ref, c)));
        if (!met) out.push({ code: self, kind, noteAt, note });
      }
    }
  }
  return out;
}
