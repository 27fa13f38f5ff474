/**
 * The claim as the grouper sees it: each code looked up in the tables, the principal's MDC
 * (sex-dependent for some codes), secondaries cancelled by the principal (CC exclusion),
 * MCC-only-if-alive secondaries on a death, completed procedure clusters.
 */
import { matchClusters, type ClusterMatch } from './clusters.ts';
import { grouperDischarge, type GrouperDischarge } from './discharge-status.ts';
import type { DxEntry, GrouperTables } from './tables.ts';
import type { Claim } from './types.ts';

export interface DxCode {
  code: string;
  poa: string;
  entry: DxEntry | undefined;
  /** Position on the claim. */
  order: number;
  /** Cancelled by the principal's PDX-exclusion collection (CMS Appendix C). */
  excluded: boolean;
  /** MCC only if the patient lived, and the patient died. */
  deathExcluded: boolean;
}

export interface ProcCode {
  code: string;
  order: number;
  recognized: boolean;
  attrs: readonly string[];
  /** MDC bits in which the code does not count on its own (member of a completed cluster). */
  suppression: number;
  clusters: string[];
}

export interface PreparedClaim {
  claim: Claim;
  pdx: { code: string; entry: DxEntry | undefined; mdc: number; sexConflict: boolean };
  sdx: DxCode[];
  procs: ProcCode[];
  clusters: ClusterMatch[];
  discharge: GrouperDischarge;
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
}

/** Looks up every code of the claim. */
export function prepareClaim(tables: GrouperTables, claim: Claim): PreparedClaim {
  const sex = claim.sex === 'M' ? 'MALE' : claim.sex === 'F' ? 'FEMALE' : 'UNKNOWN';
  const discharge = grouperDischarge(claim.dischargeStatus);
  const pdxEntry = tables.dx.get(claim.pdx.code);
  let mdc = pdxEntry?.mdc ?? 0;
  let sexConflict = false;
  const bySex = pdxEntry ? tables.sexMdc.get(claim.pdx.code) : undefined;
  if (bySex) {
    // MDC 12 or 13 by the patient's sex; unknown sex leaves the code's own MDC and a conflict.
    if (sex === 'MALE') mdc = bySex.male;
    else if (sex === 'FEMALE') mdc = bySex.female;
    else sexConflict = true;
  }
  const cancelled = pdxEntry && pdxEntry.exclusion !== 0 ? tables.exclusions.get(pdxEntry.exclusion) : undefined;
  const sdx = claim.sdx.map((d, order): DxCode => {
    const entry = tables.dx.get(d.code);
    return {
      code: d.code,
      poa: d.poa ?? '',
      entry,
      order,
      excluded: entry !== undefined && cancelled !== undefined && cancelled.has(d.code),
      deathExcluded: entry !== undefined && discharge.died && entry.attrs.includes('mccalive'),
    };
  });
  const clusters = matchClusters(tables, claim.procedures);
  const procs = claim.procedures.map((code, order): ProcCode => {
    const attrs = tables.sg.get(code);
    let suppression = 0;
    const ids: string[] = [];
    for (const c of clusters) {
      if (c.members.has(code)) {
        suppression |= c.suppression;
        ids.push(c.id);
      }
    }
    return { code, order, recognized: attrs !== undefined, attrs: attrs ?? [], suppression, clusters: ids };
  });
  return { claim, pdx: { code: claim.pdx.code, entry: pdxEntry, mdc, sexConflict }, sdx, procs, clusters, discharge, sex };
}
