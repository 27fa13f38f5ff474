import { activeCodeTable } from '../../codes/active-table.ts';
import { claimCodeOf, claimDiagnoses, codingDate } from '../../codes/chart-codes.ts';
import { refMatches } from '../../codes/code-refs.ts';
import { dotted } from '../../codes/code-format.ts';
import { manifestationAsPrincipal } from '../../codes/validate/manifestation-principal.ts';
import { unmetSequencingNotes } from '../../codes/validate/use-additional.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/** Notes quoted when a manifestation lacks its etiology; F02 alone lists 25. */
const QUOTED = 3;

/**
 * A "code first" note of the diagnosis the claim does not follow: {code, noteAt, note (the note,
 * or the first notes of a manifestation's list), problem (what is wrong, in words), later (the
 * text of the diagnosis reported too late, if any)}.
 * Two cases, after guidelines I.A.13 and I.B.7:
 * - a code the note names is reported, but after this diagnosis (any diagnosis with the note:
 *   "when ... an underlying condition is present, the underlying condition should be sequenced first");
 * - this diagnosis is a manifestation code and nothing the notes name is reported before it
 *   (manifestations "must be used in conjunction with an underlying condition code").
 * Other "code first" notes are conditional (A41 names postprocedural sepsis, sepsis during
 * labor, ...): a note whose codes are simply absent is no error. A principal manifestation is
 * left to manifestation-as-principal. Only notes naming codes count, as unmetSequencingNotes reads them.
 */
export const codeFirstSequencing: FactDefinition = {
  id: 'codeFirstSequencing',
  description: '"code first" note of the diagnosis whose codes are reported after it (or, for a manifestation, not at all)',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    const diagnosis = item as CodedItem;
    const code = claimCodeOf(diagnosis);
    if (!code) return undefined;
    const claim = claimDiagnoses(snapshot);
    const position = claim.findIndex((c) => c.item === diagnosis);
    // A code listed twice (a final list beside principal/secondary) is judged where it first stands.
    if (claim.findIndex((c) => c.code === code) !== position) return undefined;
    const table = activeCodeTable();
    const manifestation = manifestationAsPrincipal(table, code, codingDate(snapshot)) !== undefined;
    if (manifestation && diagnosis.role === 'principal') return undefined;
    const unmet = unmetSequencingNotes(table, code, claim.map((c) => c.code)).filter((n) => n.kind === 'codeFirst');
    const first = unmet[0];
    if (!first) return undefined;
    const later = claim.slice(position + 1);
    for (const note of unmet) {
      const found = later.find((c) => c.code !== code && note.note.refs.some((ref) => refMatches(ref, c.code)));
      if (found) {
        const other = dotted(found.code);
        const problem = `${other} is reported after it; sequence ${other} first`;
        return { code: dotted(code), noteAt: dotted(note.noteAt), note: note.note.text, problem, later: found.item.text };
      }
    }
    if (!manifestation) return undefined;
    // An etiology reported before the manifestation meets one note and leaves the others unmet.
    const allNotes = unmetSequencingNotes(table, code, []).filter((n) => n.kind === 'codeFirst');
    if (unmet.length < allNotes.length) return undefined;
    const more = unmet.length > QUOTED ? ` and ${unmet.length - QUOTED} more` : '';
    return {
      code: dotted(code),
      noteAt: dotted(first.noteAt),
      note: unmet.slice(0, QUOTED).map((n) => n.note.text).join('; ') + more,
      problem: 'it is a manifestation code and no underlying condition the note names is reported before it',
    };
  },
};
