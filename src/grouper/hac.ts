/**
 * Hospital-acquired conditions (MS-DRG Definitions Manual, "Hospital-Acquired Conditions (HAC)"
 * and Appendix I; POA reporting required, hospital not exempt). A secondary on a HAC list that
 * was not present on admission (POA N or U) meets the HAC when the HAC's formula holds (some
 * need a procedure, HAC 11 a principal diagnosis too); it then no longer counts as a CC/MCC for
 * the final DRG. A HAC code with a missing or invalid POA (blank, 1, E, other) makes the final
 * DRG ungroupable (return code HAC_MISSING_ONE_POA) when any HAC is met.
 */
import { evaluate, type Facts } from './formula.ts';
import type { PreparedClaim } from './prepare.ts';
import type { GrouperTables } from './tables.ts';
import type { HacCriterion, PoaError } from './types.ts';

/** CAUTI (HAC 6): codes on the "show" list count only beside a catheter-associated UTI code. */
const CAUTI = 6;
const SHOW_LIST = 'hac06_show';
/** HACs whose formula needs a procedure; the procedure is reported as used by the HAC. */
const PROCEDURE_HACS = [8, 10, 11, 12, 13, 14];

export function poaError(poa: string): PoaError {
  if (poa === 'Y' || poa === 'W') return 'POA_RECOGNIZED_YES_POA';
  if (poa === 'N' || poa === 'U') return 'POA_RECOGNIZED_NOT_POA';
  return 'POA_NOT_RECOGNIZED';
}

export interface HacOutcome {
  /** Per secondary (claim order) on a HAC list: each HAC and whether it was met. */
  hacs: Map<number, { hac: number; status: HacCriterion }[]>;
  poaErrors: Map<number, PoaError>;
  /** Secondaries (claim order) that meet a HAC: they do not count for the final DRG. */
  met: Set<number>;
  metNumbers: Set<number>;
  ungroupable: boolean;
  /** Procedure (claim order) → HAC_08 ... HAC_14 it served. */
  procedureUsage: Map<number, string[]>;
}

export function evaluateHacs(tables: GrouperTables, p: PreparedClaim, facts: Facts): HacOutcome {
  const out: HacOutcome = { hacs: new Map(), poaErrors: new Map(), met: new Set(), metNumbers: new Set(), ungroupable: false, procedureUsage: new Map() };
  const formulaHolds = new Map<number, boolean>();
  const holds = (n: number): boolean => {
    let v = formulaHolds.get(n);
    if (v === undefined) {
      v = (tables.hacFormulas.get(n) ?? []).some((f) => evaluate(f, facts, 0, null));
      formulaHolds.set(n, v);
    }
    return v;
  };
  interface Mark { order: number; hac: number; show: boolean; status: HacCriterion; invalidPoa: boolean }
  const marks: Mark[] = [];
  let invalidPoaEvaluated = false;
  for (const d of p.sdx) {
    const entry = d.entry ? tables.hac.get(d.code) : undefined;
    // A list of principal diagnoses (hac11_pdx) does not make a secondary a HAC code.
    if (!entry || entry.numbers.length === 0 || entry.operands.every((o) => o.endsWith('_pdx'))) continue;
    const err = poaError(d.poa);
    out.poaErrors.set(d.order, err);
    const show = entry.operands.includes(SHOW_LIST);
    for (const hac of entry.numbers) {
      const invalidPoa = err === 'POA_NOT_RECOGNIZED';
      let status: HacCriterion;
      if (err === 'POA_RECOGNIZED_YES_POA') status = 'HAC_CRITERIA_NOT_MET';
      else if (d.excluded) status = 'HAC_NOT_APPLICABLE_EXCLUSION';
      else {
        status = holds(hac) ? 'HAC_CRITERIA_MET' : 'HAC_CRITERIA_NOT_MET';
        if (invalidPoa) invalidPoaEvaluated = true;
      }
      marks.push({ order: d.order, hac, show: show && hac === CAUTI, status, invalidPoa });
    }
  }
  // Without a met CAUTI code that is not on the show list, the show-list codes do not meet HAC 6.
  const cautiAnchor = marks.some((m) => m.hac === CAUTI && m.status === 'HAC_CRITERIA_MET' && !m.show);
  if (!cautiAnchor) for (const m of marks) if (m.show) m.status = 'HAC_CRITERIA_NOT_MET';

  for (const m of marks) {
    if (m.status !== 'HAC_CRITERIA_MET') continue;
    out.met.add(m.order);
    out.metNumbers.add(m.hac);
    if (m.invalidPoa || invalidPoaEvaluated) out.ungroupable = true;
  }

  // What the grouper reports per code: the HACs met (or excluded), else one "not met" entry.
  for (const d of p.sdx) {
    const own = marks.filter((m) => m.order === d.order);
    if (own.length === 0) continue;
    const shown = own.filter((m) => m.status === 'HAC_CRITERIA_MET' || m.status === 'HAC_NOT_APPLICABLE_EXCLUSION');
    out.hacs.set(
      d.order,
      shown.length > 0 ? shown.map((m) => ({ hac: m.hac, status: m.status })) : [{ hac: 0, status: 'HAC_CRITERIA_NOT_MET' }],
    );
  }

  for (const hac of PROCEDURE_HACS) {
    if (!out.metNumbers.has(hac)) continue;
    const list = `hac${String(hac).padStart(2, '0')}_proc`;
    for (const proc of p.procs) {
      if (!proc.attrs.includes(list)) continue;
      const usage = out.procedureUsage.get(proc.order) ?? [];
      usage.push(`HAC_${String(hac).padStart(2, '0')}`);
      out.procedureUsage.set(proc.order, usage);
    }
  }
  return out;
}
