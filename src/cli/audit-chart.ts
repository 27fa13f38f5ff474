import type { ChartSnapshot, Field } from '../chart/snapshot.ts';
import type { AuditChart } from './audit-text.ts';

/** A field's value for a batch row: the ISO form of a date when it was read, else as printed. */
function valueOf(field: Field | undefined, preferIso = false): string | undefined {
  const value = (preferIso ? field?.iso : undefined) ?? field?.value;
  return value?.trim() ? value.trim() : undefined;
}

function compact<T extends object>(value: T): T | undefined {
  const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(defined).length > 0 ? defined : undefined;
}

/**
 * Whose chart a batch row is about, from the snapshot: what a worklist import keys and sorts on.
 * Only what was read appears. The snapshot carries no encounter identifier yet, so `id` stays
 * absent until the reader gives one.
 */
export function auditChartOf(snapshot: ChartSnapshot): AuditChart {
  const patient = compact({ name: valueOf(snapshot.patient.name), mrn: valueOf(snapshot.patient.mrn) });
  const enc = snapshot.encounter;
  const encounter = enc && compact({ kind: enc.kind?.trim() || undefined, admittedAt: valueOf(enc.admittedAt, true), dischargedAt: valueOf(enc.dischargedAt, true) });
  return { ...(patient ? { patient } : {}), ...(encounter ? { encounter } : {}) };
}
