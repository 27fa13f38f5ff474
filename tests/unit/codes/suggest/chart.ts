// Small charts for the suggester's tests: a note whose sections are given as [title, text]
// pairs, in an inpatient stay or an outpatient visit, and the codes suggested for it.
import { loadStarterTable, starterOrigin } from '../../../../src/codes/starter-table.ts';
import { suggestCodes } from '../../../../src/codes/suggest/suggest.ts';
import type { CodeSuggestion } from '../../../../src/codes/suggest/types.ts';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';

export const table = loadStarterTable();
/** True when the starter table was built from the official files (every code), not the fallback list. */
export const full = starterOrigin().builtFrom === 'shared-codesets';

type Sections = [title: string, text: string][];

/** A chart of one note (or several: an array of section lists), in `kind` setting. */
export function chart(sections: Sections | Sections[], kind = 'inpatient', extra: Record<string, unknown> = {}): unknown {
  const notes = (Array.isArray(sections[0]?.[0]) ? sections : [sections]) as Sections[];
  return {
    encounter: { kind },
    documents: notes.map((s, i) => ({ kind: 'progress-note', title: `Note ${i + 1}`, createdAt: `01/${10 + i}/2026 09:00`, sections: s.map(([title, text]) => ({ title, text })) })),
    ...extra,
  };
}

/** Every suggestion for a chart. */
export const suggestFor = (c: unknown): CodeSuggestion[] => suggestCodes(snapshotFromCase(c), table);

/** The dotted codes suggested (queries with no code left out). */
export const codesFor = (c: unknown): string[] => suggestFor(c).filter((s) => s.codes.length > 0 && s.kind !== 'query').map((s) => s.code);
