/**
 * MCE edits on the principal diagnosis other than manifestation: unacceptable principal
 * diagnosis, external-cause code as principal, questionable admission, and "requires a
 * secondary diagnosis" (Z51.89).
 */
import { mceFlagsOn } from './mce-flags.ts';
import type { CodeTable } from '../table.ts';

export type PrincipalEdit = 'unacceptable' | 'ecodepdx' | 'qadm' | 'reqsdx';

const EDITS: readonly PrincipalEdit[] = ['unacceptable', 'ecodepdx', 'qadm', 'reqsdx'];

/** MCE edits a code fails as principal diagnosis on the discharge date. */
export function principalEdits(table: CodeTable, code: string, date: string, hasSecondary: boolean): PrincipalEdit[] {
  const flags = mceFlagsOn(table, code, date) ?? [];
  return EDITS.filter((edit) => flags.includes(edit) && !(edit === 'reqsdx' && hasSecondary));
}
