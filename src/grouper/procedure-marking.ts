/**
 * Which procedures affected the DRG (CMS grouper "affects DRG" flag for procedures): the
 * procedure operands of the deciding row are credited to the principal procedure when it has
 * them all, else to the first procedure (by code) that has them all, else to a completed
 * cluster's members, else one by one to a procedure that has each. Components of a cluster do
 * not count on their own in the MDCs the cluster suppresses.
 */
import type { Grouping } from './drg-search.ts';
import { JOINTS } from './facts.ts';
import type { PreparedClaim, ProcCode } from './prepare.ts';

/** DRGs of O.R. procedures unrelated to the principal diagnosis (MDC 29 logic). */
const UNRELATED_OR_DRGS = [981, 982, 983, 987, 988, 989];

export function markProcedures(p: PreparedClaim, grouping: Grouping, atoms: ReadonlySet<string>): Set<number> {
  const marked = new Set<number>();
  const match = grouping.match;
  if (!match) return marked;
  // BILATERAL is derived: the joint procedures that made it affected the DRG.
  if (atoms.has('BILATERAL')) {
    for (const proc of p.procs) if (proc.attrs.some((a) => JOINTS.has(a))) marked.add(proc.order);
  }
  const wanted = [...atoms].filter((a) => !a.includes(':') && a !== 'MCC' && a !== 'CC' && a !== 'BILATERAL');
  if (wanted.length === 0) return marked;
  const mdc = UNRELATED_OR_DRGS.includes(match.row.drg) ? 29 : match.tableMdc;
  const counts = (proc: ProcCode): boolean => mdc > 31 || (proc.suppression & (1 << mdc)) === 0;
  const principal = p.procs[0];
  const sorted = [...p.procs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).filter(counts);
  const hasAll = (attrs: readonly string[]): boolean => wanted.every((a) => attrs.includes(a));
  const markCluster = (id: string): void => {
    for (const proc of p.procs) if (proc.clusters.includes(id)) marked.add(proc.order);
  };

  if (principal && counts(principal) && hasAll(principal.attrs)) return marked.add(principal.order);
  const all = sorted.find((proc) => hasAll(proc.attrs));
  if (all) return marked.add(all.order);
  const cluster = p.clusters.find((c) => hasAll(c.attrs));
  if (cluster) {
    markCluster(cluster.id);
    return marked;
  }
  for (const atom of wanted) {
    const withIt = sorted.filter((proc) => proc.attrs.includes(atom));
    if (withIt.length >= 2 && principal && withIt.includes(principal)) marked.add(principal.order);
    else if (withIt[0]) marked.add(withIt[0].order);
    else {
      const c = p.clusters.find((cl) => cl.attrs.includes(atom));
      if (c) markCluster(c.id);
    }
  }
  return marked;
}
