import type { ChartSnapshot } from '../chart/snapshot.ts';
import type { Finding } from '../engine/finding.ts';
import { bundledGrouperTables } from '../grouper/bundled-tables.ts';
import { workingDrg } from '../grouper/working-drg.ts';
import type { AuditDrg } from './audit-text.ts';

/**
 * The chart's working MS-DRG from its own codes (nothing accepted: a batch has no coder), as
 * the panel computes it (src/background/working-drg.ts). null when the chart is not an
 * inpatient stay or cannot be grouped; undefined when this build has no grouper tables. The
 * tables are decoded on the first inpatient chart, once per process (or worker).
 */
export function auditDrgOf(snapshot: ChartSnapshot, findings: readonly Finding[]): AuditDrg | null | undefined {
  if (snapshot.encounter?.kind !== 'inpatient') return null;
  const bundled = bundledGrouperTables();
  if (!bundled.available) return undefined;
  try {
    const result = workingDrg({ snapshot, findings, accepted: [], tables: bundled.tables });
    if (result.status !== 'ready') return null;
    return { drg: String(result.drg).padStart(3, '0'), title: result.title, mdc: String(result.mdc).padStart(2, '0') };
  } catch {
    // A chart the grouper cannot take keeps its findings; the DRG is simply not known.
    return null;
  }
}
