import { activeCodeTable } from '../../codes/active-table.ts';
import { icd10cmCodeOf } from '../../codes/chart-codes.ts';
import { dotted } from '../../codes/code-format.ts';
import { excludes1Conflict as findConflict } from '../../codes/validate/excludes1.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/**
 * The first other diagnosis of the chart that an Excludes1 note forbids beside this one:
 * {other, otherText, note, noteAt}. Reported on the later of the two diagnoses only, so a pair
 * gives one finding. Undefined when there is none.
 */
export const excludes1Conflict: FactDefinition = {
  id: 'excludes1Conflict',
  description: 'an earlier diagnosis of the chart that an Excludes1 note forbids with this one',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    const code = icd10cmCodeOf(item as CodedItem);
    if (!code) return undefined;
    const table = activeCodeTable();
    const seen = new Set<string>([code]);
    for (const other of snapshot.diagnoses) {
      if (other === item) break;
      const otherCode = icd10cmCodeOf(other);
      if (!otherCode || seen.has(otherCode)) continue;
      seen.add(otherCode);
      const conflict = findConflict(table, code, otherCode);
      if (conflict) {
        return { code: dotted(code), other: dotted(otherCode), otherText: other.text.value, note: conflict.note.text, noteAt: dotted(conflict.noteAt) };
      }
    }
    return undefined;
  },
};
