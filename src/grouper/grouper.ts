/**
 * The MS-DRG v43.1 grouper: initial DRG, hospital-acquired conditions, final DRG, and what each
 * code did (MS-DRG Definitions Manual, "Grouper logic"). Pure; driven by the decoded tables.
 */
import { groupClaimTables, type Grouping } from './drg-search.ts';
import { buildFacts } from './facts.ts';
import { evaluateHacs } from './hac.ts';
import { affects, decidingAtoms, drgSeverity, markSecondaries, sdxUsage } from './marking.ts';
import { prepareClaim } from './prepare.ts';
import { markProcedures } from './procedure-marking.ts';
import { claimSeverity } from './severity.ts';
import { Sev, type GrouperTables } from './tables.ts';
import { RETURN_CODE_VALUE, type Claim, type GroupResult, type HacStatus, type MedSurg, type SdxSeverity } from './types.ts';

/** Operands that make a procedure an operating-room procedure (extensive, non-extensive, other O.R.). */
const OR_OPERANDS = ['d468', 'd477', 'ornec'];

export type GrouperOutput = Omit<GroupResult, 'mce'>;

/** Groups one claim. */
export function groupClaim(tables: GrouperTables, claim: Claim): GrouperOutput {
  const p = prepareClaim(tables, claim);
  const facts = buildFacts(p);
  const initial = groupClaimTables(tables, p, facts);

  // HACs change the final DRG only for a claim that grouped.
  const hac = initial.returnCode === 'OK' ? evaluateHacs(tables, p, facts) : undefined;
  const hacMet = hac && hac.met.size > 0 ? hac.met : undefined;
  let final: Grouping = initial;
  let hacStatus: HacStatus = 'NOT_APPLICABLE';
  if (hac && hac.metNumbers.size > 0) {
    if (hac.ungroupable) {
      final = { drg: 999, mdc: 0, returnCode: 'HAC_MISSING_ONE_POA', match: null, path: [] };
      hacStatus = 'FINAL_DRG_UNGROUPABLE';
    } else {
      final = groupClaimTables(tables, p, facts, hacMet);
      hacStatus = final.drg === initial.drg ? 'FINAL_DRG_NO_CHANGE' : 'FINAL_DRG_CHANGES';
    }
  }

  const initialAtoms = decidingAtoms(initial, facts);
  const finalAtoms = final === initial ? initialAtoms : decidingAtoms(final, facts);
  const initialMarked = markSecondaries(p, initial, initialAtoms, undefined);
  const finalMarked = final === initial ? initialMarked : markSecondaries(p, final, finalAtoms, hacMet);
  const initialProcs = markProcedures(p, initial, initialAtoms);
  const finalProcs = final === initial ? initialProcs : markProcedures(p, final, finalAtoms);
  if (hacStatus === 'FINAL_DRG_CHANGES' && hac) {
    // The HAC codes (and the procedures their HAC needed) changed the final DRG by dropping out.
    for (const order of hac.met) finalMarked.add(order);
    for (const order of hac.procedureUsage.keys()) finalProcs.add(order);
  }

  const drgInfo = tables.drgs.get(final.drg);
  // DRG 998/999 (principal invalid as discharge diagnosis, ungroupable) are neither medical nor surgical.
  const medSurg: MedSurg = final.returnCode === 'OK' && (drgInfo?.type === 'SURGICAL' || drgInfo?.type === 'MEDICAL') ? drgInfo.type : 'NONE';
  let sdxSeverity: SdxSeverity = 'NONE';
  if (medSurg !== 'NONE') {
    const sev = claimSeverity(p, final.match?.row.suppression ?? [], hacMet);
    sdxSeverity = sev === Sev.MCC ? 'MCC' : sev === Sev.CC ? 'CC' : 'NON_CC';
  }
  // When a HAC's missing POA makes the final DRG ungroupable, the other codes keep their initial usage.
  const finalUsage = final.returnCode === 'HAC_MISSING_ONE_POA' ? initial : final;
  const pdxAffects = affects(initial.returnCode === 'OK', final.returnCode === 'OK');

  return {
    id: claim.id,
    drg: final.drg,
    drgTitle: drgInfo?.title ?? '',
    mdc: final.mdc,
    returnCode: final.returnCode,
    returnCodeValue: RETURN_CODE_VALUE[final.returnCode],
    severity: drgSeverity(finalAtoms),
    medSurg,
    sdxSeverity,
    initialDrg: initial.drg,
    initialMdc: initial.mdc,
    initialReturnCode: initial.returnCode,
    initialSeverity: drgSeverity(initialAtoms),
    hacStatus,
    hacCount: hac?.metNumbers.size ?? 0,
    pdx: { code: claim.pdx.code, recognized: p.pdx.entry !== undefined, affectsDrg: pdxAffects },
    sdx: p.sdx.map((d) => {
      const hacs = hac?.hacs.get(d.order);
      return {
        code: d.code,
        recognized: d.entry !== undefined,
        severity: sdxUsage(d, finalUsage, hacMet),
        initialSeverity: sdxUsage(d, initial, undefined),
        affectsDrg: affects(initialMarked.has(d.order), finalMarked.has(d.order)),
        poaError: hac?.poaErrors.get(d.order) ?? 'POA_NOT_CHECKED',
        ...(hacs ? { hacs } : {}),
      };
    }),
    procedures: p.procs.map((proc) => {
      const usage = hac?.procedureUsage.get(proc.order);
      return {
        code: proc.code,
        recognized: proc.recognized,
        or: proc.attrs.some((a) => OR_OPERANDS.includes(a)),
        affectsDrg: affects(initialProcs.has(proc.order), finalProcs.has(proc.order)),
        ...(usage ? { hacUsage: usage } : {}),
      };
    }),
  };
}
