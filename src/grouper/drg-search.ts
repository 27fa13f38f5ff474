/**
 * Walking the decision tables (MS-DRG Definitions Manual, "Pre-MDC", the MDC decision trees,
 * and "Unrelated operating room procedures"): the pre-MDC table first (transplants, ECMO,
 * tracheostomy, and the reroutes to MDC 24 multiple trauma, 25 HIV, 11 kidney transplant),
 * then the table of the principal diagnosis' MDC; a row with a reroute MDC continues in that
 * table (MDC 29: O.R. procedures unrelated to the principal diagnosis). The first row whose
 * formula holds wins. Rows without a DRG are either no-ops or an error that makes the claim
 * ungroupable with a return code.
 */
import { atomsOf, evaluate, type Facts, type SeverityAtom } from './formula.ts';
import type { PreparedClaim } from './prepare.ts';
import { claimSeverity } from './severity.ts';
import { Sev, type FormulaRow, type GrouperTables } from './tables.ts';
import type { ReturnCode } from './types.ts';

/** Error rows of the tables: the operand they test names the CMS return code. */
const ERROR_OPERANDS: readonly [string, ReturnCode][] = [
  ['INVALID_PDX', 'INVALID_PDX'],
  ['INVALID_DSTAT', 'INVALID_DISCHARGE_STATUS'],
  ['INVALID_SEX', 'INVALID_SEX'],
  ['PDX_ECODE', 'DX_CANNOT_BE_PDX'],
];

const errorCache = new WeakMap<FormulaRow, ReturnCode | null>();
function rowReturnCode(row: FormulaRow): ReturnCode | null {
  let code = errorCache.get(row);
  if (code === undefined) {
    const atoms = atomsOf(row.formula);
    code = row.drg === 0 && row.reRouteMdc === 0 ? (ERROR_OPERANDS.find(([op]) => atoms.has(op))?.[1] ?? null) : null;
    errorCache.set(row, code);
  }
  return code;
}

export function severityAtom(sev: Sev): SeverityAtom {
  return sev === Sev.MCC ? 'MCC' : sev === Sev.CC ? 'CC' : null;
}

export interface RowMatch {
  row: FormulaRow;
  severity: Sev;
  /** The MDC whose table the row belongs to (suppression is read for it). */
  tableMdc: number;
  returnCode: ReturnCode | null;
}

/** First row of an MDC's table that holds; no-op rows (no DRG, no reroute, no error) are passed. */
export function searchTable(tables: GrouperTables, p: PreparedClaim, facts: Facts, mdc: number, hacMet?: ReadonlySet<number>): RowMatch | null {
  const rows = tables.formulas.get(mdc);
  if (!rows) return null;
  const severities = new Map<string, Sev>();
  for (const row of rows) {
    const key = row.suppression.join(',');
    let sev = severities.get(key);
    if (sev === undefined) {
      sev = claimSeverity(p, row.suppression, hacMet);
      severities.set(key, sev);
    }
    if (!evaluate(row.formula, facts, mdc, severityAtom(sev))) continue;
    const returnCode = rowReturnCode(row);
    if (row.drg === 0 && row.reRouteMdc === 0 && returnCode === null) continue;
    return { row, severity: sev, tableMdc: mdc, returnCode };
  }
  return null;
}

export interface Grouping {
  drg: number;
  mdc: number;
  returnCode: ReturnCode;
  /** The winning row, when the claim grouped. */
  match: RowMatch | null;
  /** Every row that held on the way, reroutes included. */
  path: RowMatch[];
}

const UNGROUPABLE = (returnCode: ReturnCode, path: RowMatch[] = []): Grouping => ({ drg: 999, mdc: 0, returnCode, match: null, path });

/** Follows reroutes (at most two deep, as in the CMS tables), recording the rows on the way. */
function follow(tables: GrouperTables, p: PreparedClaim, facts: Facts, first: RowMatch, path: RowMatch[], hacMet?: ReadonlySet<number>): RowMatch | null {
  let match: RowMatch | null = first;
  path.push(first);
  for (let depth = 0; match && match.row.reRouteMdc !== 0 && depth < 3; depth++) {
    match = searchTable(tables, p, facts, match.row.reRouteMdc, hacMet);
    if (match) path.push(match);
  }
  return match;
}

/** Groups the claim: DRG, MDC and return code, with the row that decided. */
export function groupClaimTables(tables: GrouperTables, p: PreparedClaim, facts: Facts, hacMet?: ReadonlySet<number>): Grouping {
  // A principal diagnosis on the external-cause list cannot be principal.
  if (p.pdx.entry?.attrs.includes('ecode')) return UNGROUPABLE('DX_CANNOT_BE_PDX');
  const path: RowMatch[] = [];
  const pre = searchTable(tables, p, facts, 0, hacMet);
  if (pre?.returnCode) return UNGROUPABLE(pre.returnCode);
  let match: RowMatch | null;
  let mdc: number;
  if (pre) {
    // A pre-MDC DRG keeps the principal's MDC; a pre-MDC reroute takes the MDC it routes to.
    mdc = pre.row.reRouteMdc !== 0 ? pre.row.reRouteMdc : p.pdx.mdc;
    match = follow(tables, p, facts, pre, path, hacMet);
  } else {
    mdc = p.pdx.mdc;
    const first = searchTable(tables, p, facts, mdc, hacMet);
    match = first && !first.returnCode ? follow(tables, p, facts, first, path, hacMet) : first;
  }
  if (match?.returnCode) return UNGROUPABLE(match.returnCode, path);
  if (!match || match.row.drg === 0) return UNGROUPABLE('UNGROUPABLE', path);
  return { drg: match.row.drg, mdc, returnCode: 'OK', match, path };
}
