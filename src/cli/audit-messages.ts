import type { AuditOutcome } from './chart-auditor.ts';

/** The hidden command bin/chartlint.js runs in a worker thread (see audit-pool.ts). */
export const AUDIT_WORKER_COMMAND = '__audit-worker';

/** What the pool hands a worker when it starts (`workerData`). */
export interface AuditWorkerData {
  packs?: string;
}

/** Pool → worker. */
export type ToAuditWorker = { type: 'audit'; index: number; file: string } | { type: 'finish' };

/** Worker → pool. `problems`: pack and rule errors seen so far (the pool prints each once). */
export type FromAuditWorker =
  | { type: 'ready'; problems: string[] }
  | { type: 'audited'; index: number; outcome: AuditOutcome }
  | { type: 'finished'; problems: string[] };
