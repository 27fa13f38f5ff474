import { parentPort, workerData } from 'node:worker_threads';
import type { AuditWorkerData, FromAuditWorker, ToAuditWorker } from './audit-messages.ts';
import { createChartAuditor } from './chart-auditor.ts';
import { fileErrorLine } from './file-error.ts';

/**
 * A worker thread of the batch audit (audit-pool.ts): loads the packs and the code table once,
 * then audits the files the pool sends, one after the other in the order sent (the pool keeps
 * the next one waiting here), and answers each with its outcome. Resolves when the pool says it
 * is finished.
 */
export function runAuditWorker(): Promise<number> {
  const port = parentPort;
  if (!port) throw new Error('the audit worker runs only in a worker thread');
  const { packs } = workerData as AuditWorkerData;
  const auditor = createChartAuditor(packs);
  const send = (message: FromAuditWorker): void => port.postMessage(message);
  send({ type: 'ready', problems: auditor.problems() });
  let queue = Promise.resolve();
  return new Promise((resolve) => {
    port.on('message', (message: ToAuditWorker) => {
      if (message.type === 'finish') {
        send({ type: 'finished', problems: auditor.problems() });
        // Unref, not close: the message just posted must still reach the pool.
        port.unref();
        resolve(0);
        return;
      }
      const { index, file } = message;
      queue = queue.then(async () => {
        const outcome = await auditor.audit(file);
        try {
          send({ type: 'audited', index, outcome });
        } catch (error) {
          // A result that cannot cross to the pool (not cloneable) still answers for its file.
          send({ type: 'audited', index, outcome: { file, unreadable: fileErrorLine('audit', file, error) } });
        }
      });
    });
  });
}
