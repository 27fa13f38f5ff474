import { activeCodeTable } from '../../codes/active-table.ts';
import { codingDate, icd10cmCodeOf } from '../../codes/chart-codes.ts';
import { dotted } from '../../codes/code-format.ts';
import { billableStatus } from '../../codes/validate/billable.ts';
import { codeValidOn } from '../../codes/validate/valid-on-date.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/**
 * Whether the diagnosis's ICD-10-CM code is valid on the encounter's date: `status` valid,
 * header, unknown, not-in-effect, not-covered or no-release-for-date; for a header, the
 * billable codes below it. Undefined when the item has no ICD-10-CM code.
 */
export const diagnosisCodeStatus: FactDefinition = {
  id: 'diagnosisCodeStatus',
  description: 'validity of the diagnosis code on the encounter date (status, title, codes below a header)',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    const code = icd10cmCodeOf(item as CodedItem);
    if (!code) return undefined;
    const table = activeCodeTable();
    const date = codingDate(snapshot);
    const validity = codeValidOn(table, code, date);
    const children = validity.status === 'header' ? (billableStatus(table, code, 6).children ?? []) : [];
    return {
      code: dotted(code),
      status: validity.status,
      title: validity.entry?.short ?? '',
      date,
      release: `FY${table.release.fiscalYear}`,
      children: children.map((c) => dotted(c.code)).join(', '),
    };
  },
};
