/**
 * MS-DRG severity of a secondary diagnosis: MCC, CC or neither, and whether the principal
 * diagnosis cancels it (PDX exclusion, CMS Definitions Manual Appendix C). The collection stored
 * on the principal lists the secondaries it cancels (see msdrg.ts for how that was verified).
 */
import { normalizeCode } from '../code-format.ts';
import type { Severity } from '../msdrg.ts';
import type { CodeTable } from '../table.ts';

export interface SecondarySeverity {
  code: string;
  /** Designation in the tables, before any exclusion. */
  severity: Severity;
  /** Set when the principal diagnosis cancels the CC/MCC: the collection id. */
  excludedByPrincipal?: { principal: string; collection: number };
  /** Severity that counts for the DRG: '' when excluded. */
  effective: Severity;
}

/** Undefined when the table has no MS-DRG attributes for the code. */
export function secondarySeverity(table: CodeTable, secondary: string, principal?: string): SecondarySeverity | undefined {
  const code = normalizeCode(secondary);
  const attrs = table.drgAttributes(code);
  if (!attrs) return undefined;
  if (attrs.severity === '' || principal === undefined) return { code, severity: attrs.severity, effective: attrs.severity };
  const pdx = normalizeCode(principal);
  const collection = table.drgAttributes(pdx)?.pdxCollection ?? 0;
  if (collection !== 0 && table.pdxCollection(collection)?.has(code)) {
    return { code, severity: attrs.severity, excludedByPrincipal: { principal: pdx, collection }, effective: '' };
  }
  return { code, severity: attrs.severity, effective: attrs.severity };
}
