/**
 * The MS-DRG relative weights the user imported from CMS Table 5 (chartlint ships none: CMS
 * publishes them each fiscal year), and the base rate they entered, if any. One current record.
 */
import type { DrgWeights } from '../grouper/working-drg.ts';
import type { ChartlintDatabase } from './db.ts';

export interface DrgWeightsRecord {
  id: 'current';
  /** The imported file's name. */
  source: string;
  fiscalYear?: number;
  importedAt: string;
  /** [DRG, relative weight], ascending by DRG. */
  weights: [number, number][];
  /** Dollars per unit of relative weight, as the user entered it (expected payment = weight × rate). */
  baseRate?: number;
}

export async function getDrgWeights(db: ChartlintDatabase): Promise<DrgWeightsRecord | undefined> {
  return db.get('drgWeights', 'current');
}

/** Replaces the imported table (keeping the base rate already entered, unless one is given). */
export async function saveDrgWeights(db: ChartlintDatabase, record: Omit<DrgWeightsRecord, 'id'>): Promise<void> {
  const previous = await getDrgWeights(db);
  const baseRate = record.baseRate ?? previous?.baseRate;
  await db.put('drgWeights', { ...record, id: 'current', ...(baseRate !== undefined ? { baseRate } : {}) });
}

/** Sets or clears the base rate; does nothing without an imported table. */
export async function setBaseRate(db: ChartlintDatabase, baseRate: number | undefined): Promise<void> {
  const record = await getDrgWeights(db);
  if (!record) return;
  const { baseRate: _old, ...rest } = record;
  await db.put('drgWeights', baseRate === undefined ? rest : { ...rest, baseRate });
}

export async function deleteDrgWeights(db: ChartlintDatabase): Promise<void> {
  await db.delete('drgWeights', 'current');
}

/** The stored record as the what-if reads it. */
export function asDrgWeights(record: DrgWeightsRecord): DrgWeights {
  return {
    source: record.fiscalYear ? `${record.source} (FY ${record.fiscalYear})` : record.source,
    weights: new Map(record.weights),
    ...(record.baseRate !== undefined ? { baseRate: record.baseRate } : {}),
  };
}
