/**
 * What-if: the DRG a claim would get with one more secondary diagnosis (a suggested code, an
 * answered query) or with a code replaced by a more specific one. Each option is grouped on
 * its own copy of the claim, so they do not add up.
 */
import { groupClaim, type GrouperOutput } from './grouper.ts';
import type { GrouperTables } from './tables.ts';
import type { Claim } from './types.ts';

export interface WhatIfOption {
  /** ICD-10-CM code without the dot. */
  code: string;
  /** Replace this code of the claim (principal or secondary) instead of adding a secondary. */
  replaces?: string;
  poa?: string;
}

export interface WhatIfOutcome {
  option: WhatIfOption;
  drg: number;
  drgTitle: string;
  mdc: number;
  severity: GrouperOutput['severity'];
  /** The DRG differs from the claim's current one. */
  changesDrg: boolean;
}

/** The claim with one option applied (a new code is present on admission unless the option says). */
export function withOption(claim: Claim, option: WhatIfOption): Claim {
  const dx = { code: option.code, poa: option.poa ?? 'Y' };
  if (option.replaces === undefined) return { ...claim, sdx: [...claim.sdx, dx] };
  if (claim.pdx.code === option.replaces) return { ...claim, pdx: { ...dx, poa: option.poa ?? claim.pdx.poa ?? 'Y' } };
  return { ...claim, sdx: claim.sdx.map((d) => (d.code === option.replaces ? { code: option.code, poa: option.poa ?? d.poa ?? 'Y' } : d)) };
}

/** The claim's current grouping and, per option, the DRG it would give. */
export function whatIf(tables: GrouperTables, claim: Claim, options: readonly WhatIfOption[]): { current: GrouperOutput; outcomes: WhatIfOutcome[] } {
  const current = groupClaim(tables, claim);
  const outcomes = options.map((option): WhatIfOutcome => {
    const r = groupClaim(tables, withOption(claim, option));
    return { option, drg: r.drg, drgTitle: r.drgTitle, mdc: r.mdc, severity: r.severity, changesDrg: r.drg !== current.drg };
  });
  return { current, outcomes };
}
