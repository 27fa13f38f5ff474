import { activeCodeTable } from '../../codes/active-table.ts';
import { codingDate, icd10cmCodeOf } from '../../codes/chart-codes.ts';
import { manifestationAsPrincipal } from '../../codes/validate/manifestation-principal.ts';
import { principalEdits } from '../../codes/validate/principal-edits.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/**
 * MCE edits the principal diagnosis fails: any of manifestation, unacceptable, ecodepdx
 * (external cause), qadm (questionable admission), reqsdx (needs a secondary diagnosis).
 * Empty for other diagnoses and for codes without edits.
 */
export const principalDiagnosisEdits: FactDefinition = {
  id: 'principalDiagnosisEdits',
  description: 'MCE edits the principal diagnosis code fails on the encounter date',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    const diagnosis = item as CodedItem;
    const code = icd10cmCodeOf(diagnosis);
    if (!code || diagnosis.role !== 'principal') return [];
    const table = activeCodeTable();
    const date = codingDate(snapshot);
    const hasSecondary = snapshot.diagnoses.some((d) => d !== diagnosis && icd10cmCodeOf(d));
    const edits: string[] = principalEdits(table, code, date, hasSecondary);
    return manifestationAsPrincipal(table, code, date) ? ['manifestation', ...edits] : edits;
  },
};
