import type { Finding } from '../engine/finding.ts';
import { bundledGrouperTables } from '../grouper/bundled-tables.ts';
import { workingDrg, type DrgWeights, type WorkingDrg } from '../grouper/working-drg.ts';
import { database } from '../storage/database.ts';
import { asDrgWeights, getDrgWeights } from '../storage/drg-weights.ts';
import { workingCodes } from '../storage/working-codes.ts';
import { chartOf, type TabRecord } from './tab-states.ts';

/**
 * The tab's working MS-DRG for the panel (src/grouper/working-drg.ts): the chart as read, its
 * open findings, the codes accepted for it, the bundled tables (decoded on the first inpatient
 * chart) and the imported Table 5 weights. Nothing for a chart that is not an inpatient stay,
 * nor while a restarted worker waits for the page to read its chart again.
 */
export async function workingDrgOf(record: TabRecord, open: readonly Finding[]): Promise<{ drg?: WorkingDrg }> {
  if (record.frames.length === 0) return {};
  const snapshot = chartOf(record);
  if (snapshot.encounter?.kind !== 'inpatient') return {};
  const bundled = bundledGrouperTables();
  if (!bundled.available) return { drg: { status: 'unavailable', reason: bundled.reason } };
  const db = await database();
  let weights: DrgWeights | undefined;
  try {
    const stored = await getDrgWeights(db);
    weights = stored && asDrgWeights(stored);
  } catch (error) {
    console.warn('chartlint: could not read the imported DRG weights; showing DRG titles only', error);
  }
  try {
    return { drg: workingDrg({ snapshot, findings: open, accepted: await workingCodes(db, record.chartKey), tables: bundled.tables, ...(weights ? { weights } : {}) }) };
  } catch (error) {
    // A grouping error must not cost the panel its findings.
    console.error('chartlint: could not group this chart', error);
    return { drg: { status: 'unavailable', reason: `this chart could not be grouped (${error instanceof Error ? error.message : String(error)})` } };
  }
}
