/**
 * Procedure clusters (MS-DRG Definitions Manual, "Procedure clusters"): some DRGs need a set of
 * procedures together (e.g. a hip revision = removal + replacement). A cluster holds when the
 * claim has a code of each of its choices; it then adds its own operands, and its component
 * procedures stop counting on their own in the MDCs the cluster names.
 */
import type { GrouperTables } from './tables.ts';

export interface ClusterMatch {
  id: string;
  attrs: readonly string[];
  suppression: number;
  /** Claim procedures that make up the cluster. */
  members: ReadonlySet<string>;
}

/** The clusters the claim's procedures complete. */
export function matchClusters(tables: GrouperTables, procedures: readonly string[]): ClusterMatch[] {
  const candidates = new Set<string>();
  for (const code of procedures) for (const id of tables.codeToClusters.get(code) ?? []) candidates.add(id);
  if (candidates.size === 0) return [];
  const out: ClusterMatch[] = [];
  for (const id of candidates) {
    const cluster = tables.clusters.get(id);
    if (!cluster || cluster.choices.length === 0) continue;
    // Claim order: the procedures seen until every choice is covered make up the cluster.
    const covered = new Set<number>();
    const members = new Set<string>();
    for (const code of procedures) {
      const choice = cluster.choices.findIndex((c) => c.includes(code));
      if (choice < 0) continue;
      covered.add(choice);
      members.add(code);
      if (covered.size === cluster.choices.length) break;
    }
    if (covered.size === cluster.choices.length) out.push({ id, attrs: cluster.attrs, suppression: cluster.suppression, members });
  }
  // The CMS grouper considers clusters in the order of their ids.
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
