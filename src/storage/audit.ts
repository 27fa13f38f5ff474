import type { AuditRecord, ChartlintDatabase } from './db.ts';

/** Appends one event to the local audit trail (what happened, when, on which chart key; no PHI). */
export async function recordAudit(db: ChartlintDatabase, record: Omit<AuditRecord, 'id'>): Promise<void> {
  await db.add('audit', record);
}

/** The audit trail, oldest first. */
export async function auditTrail(db: ChartlintDatabase): Promise<AuditRecord[]> {
  return db.getAllFromIndex('audit', 'by-time');
}
