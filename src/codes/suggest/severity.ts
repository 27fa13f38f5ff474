/**
 * CC/MCC of a suggested secondary diagnosis under MS-DRG v43.1 (src/codes/validate/cc-mcc.ts),
 * in words for the finding and as fields of the SuggestedCode.
 */
import { dotted } from '../code-format.ts';
import type { CodeTable } from '../table.ts';
import { secondarySeverity } from '../validate/cc-mcc.ts';

export interface SuggestionSeverity {
  text: string;
  level?: 'CC' | 'MCC';
  /** Dotted principal diagnosis whose PDX exclusion cancels the CC/MCC. */
  excludedBy?: string;
}

/** How the code counts as a secondary diagnosis beside `principal` (normalized), in words. */
export function severityOf(table: CodeTable, code: string, principal: string | undefined): SuggestionSeverity {
  const version = table.drgVersion ? `MS-DRG v${table.drgVersion}` : 'MS-DRG';
  const result = secondarySeverity(table, code, principal);
  if (!result) return { text: '' };
  if (result.severity === '') return { text: `Not a CC or MCC as a secondary diagnosis (${version}).` };
  const level = result.severity;
  if (result.excludedByPrincipal) {
    const pdx = dotted(result.excludedByPrincipal.principal);
    return { text: `${level} in ${version}, but excluded as a ${level} by the principal diagnosis ${pdx} (PDX exclusion ${result.excludedByPrincipal.collection}).`, level, excludedBy: pdx };
  }
  if (principal === undefined) return { text: `${level} as a secondary diagnosis (${version}); no principal diagnosis is coded to check its exclusions.`, level };
  return { text: `${level} as a secondary diagnosis (${version}), not excluded by the principal diagnosis ${dotted(principal)}.`, level };
}
