import { activeCodeTable } from '../../codes/active-table.ts';
import { icd10cmCodeOf, principalCodeOf } from '../../codes/chart-codes.ts';
import { dotted } from '../../codes/code-format.ts';
import { secondarySeverity as severityOf } from '../../codes/validate/cc-mcc.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/**
 * MS-DRG severity of a secondary diagnosis: {code, severity (MCC, CC or ''), effective (''
 * when the principal diagnosis cancels it), principal, excluded}. Only for diagnoses listed as
 * secondary or final (a problem-list entry is not on the claim); undefined otherwise and for
 * codes without MS-DRG attributes.
 */
export const secondarySeverity: FactDefinition = {
  id: 'secondarySeverity',
  description: 'CC/MCC designation of a secondary diagnosis and its exclusion by the principal diagnosis',
  dependsOn: 'chart',
  scopes: ['diagnosis'],
  compute: ({ item, snapshot }) => {
    const diagnosis = item as CodedItem;
    const code = icd10cmCodeOf(diagnosis);
    if (!code || (diagnosis.role !== 'secondary' && diagnosis.role !== 'final')) return undefined;
    const principal = principalCodeOf(snapshot);
    const result = severityOf(activeCodeTable(), code, principal);
    if (!result) return undefined;
    return {
      code: dotted(code),
      severity: result.severity,
      effective: result.effective,
      principal: principal ? dotted(principal) : '',
      excluded: result.excludedByPrincipal !== undefined,
    };
  },
};
