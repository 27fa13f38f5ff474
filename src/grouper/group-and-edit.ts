/** One call for both programs: the MS-DRG grouper and the MCE, run independently on the same claim. */
import { groupClaim } from './grouper.ts';
import type { MceTables } from './mce-tables.ts';
import { editClaim } from './mce.ts';
import type { GrouperTables } from './tables.ts';
import type { Claim, GroupResult } from './types.ts';

export function groupAndEdit(tables: { grouper: GrouperTables; mce: MceTables }, claim: Claim): GroupResult {
  return { ...groupClaim(tables.grouper, claim), mce: editClaim(tables.mce, claim) };
}
