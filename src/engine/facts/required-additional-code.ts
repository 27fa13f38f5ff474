import { activeCodeTable } from '../../codes/active-table.ts';
import { claimCodeOf, claimDiagnoses } from '../../codes/chart-codes.ts';
import { refText, type CodeRef } from '../../codes/code-refs.ts';
import { dotted } from '../../codes/code-format.ts';
import { unmetSequencingNotes } from '../../codes/validate/use-additional.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';


/**
 * Categories whose "use additional code" notes ask for a detail the combination code leaves
 * out and the guidelines require: the CKD stage (N18) beside E08.22-E13.22, I12.- and I13.-
 * (I.C.9.a.2, I.C.9.a.3; also Q87.81), the type of heart failure (I50) beside I11.0, I13.0,
 * I13.2, I09.81 and I97.13- (I.C.9.a.1, I.C.9.a.3): 17 notes of the FY2021 tabular. Most other notes name codes that apply only if the
 * condition is present ("tobacco use", "insulin", "if applicable"): on the coded charts at hand
 * (issue 5: C-CDA examples, test and demo charts) they made 65 of the 67 unmet notes, far too
 * many for a coder to read, so they are not checked.
 */
const REQUIRED_DETAIL = ['N18', 'I50'];

function requiresDetail(refs: readonly CodeRef[]): boolean {
  const within = (code: string | undefined, category: string): boolean => code === undefined || code.startsWith(category);
  return refs.length > 0 && refs.every((r) => REQUIRED_DETAIL.some((c) => r.from.startsWith(c) && within(r.to, c)));
}

/**
 * The first "use additional code" note of the diagnosis asking for a CKD stage or a type of
 * heart failure that no other code of the claim gives: {code, noteAt, note, codes}. Undefined
 * for problem-list entries, for other notes and when a code the note names is reported.
 */
export const requiredAdditionalCode: FactDefinition = {
  id: 'requiredAdditionalCode',
  description: '"use additional code" note for a CKD stage or heart-failure type that no other reported code meets',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    const diagnosis = item as CodedItem;
    const code = claimCodeOf(diagnosis);
    if (!code) return undefined;
    const claim = claimDiagnoses(snapshot).map((c) => c.code);
    const unmet = unmetSequencingNotes(activeCodeTable(), code, claim).find((n) => n.kind === 'useAdditionalCode' && requiresDetail(n.note.refs));
    return unmet && { code: dotted(code), noteAt: dotted(unmet.noteAt), note: unmet.note.text, codes: unmet.note.refs.map(refText).join(', ') };
  },
};
