import { Worker } from 'node:worker_threads';
import { AUDIT_WORKER_COMMAND, type AuditWorkerData, type FromAuditWorker, type ToAuditWorker } from './audit-messages.ts';
import type { AuditOutcome } from './chart-auditor.ts';
import { fileErrorLine } from './file-error.ts';

/**
 * The workers run the `chartlint` command itself with a hidden command, so they take the same
 * path as the process that started them: the prebuilt bundle when it is fresh, else the sources
 * through tsx (bin/chartlint.js decides). Resolved from this source file's URL, which the bundle
 * keeps (scripts/build-cli.ts).
 */
const BIN = new URL('../../bin/chartlint.js', import.meta.url);

export interface PoolOptions {
  jobs: number;
  packs?: string;
  /** A pack or rule problem a worker reported (the same line may come from every worker). */
  onProblem: (line: string) => void;
}

/**
 * Files a worker holds at once: the next one is already there when it posts a result, so it
 * never waits for this thread (which is busy writing output) between two charts.
 */
const IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  ready: boolean;
  finished: boolean;
  /** Indexes of the files sent and not yet answered. */
  inFlight: Set<number>;
  error?: unknown;
}

/**
 * Audits `files` in a small pool of worker threads, the next file to whichever worker is free;
 * `onOutcome` gets each file's outcome as it finishes (in any order: the caller puts them in order). A worker that dies takes only the files it held with it
 * (reported unreadable) and is replaced. Rejects when no worker is left to finish the files
 * (none could start): the caller audits the rest itself.
 */
export function auditInWorkers(files: readonly string[], options: PoolOptions, onOutcome: (index: number, outcome: AuditOutcome) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let settled = 0;
    const live = new Set<Slot>();

    const send = (slot: Slot, message: ToAuditWorker): void => slot.worker.postMessage(message);
    const dispatch = (slot: Slot): void => {
      while (slot.inFlight.size < IN_FLIGHT && next < files.length) {
        slot.inFlight.add(next);
        send(slot, { type: 'audit', index: next, file: files[next]! });
        next++;
      }
      if (slot.inFlight.size === 0) send(slot, { type: 'finish' });
    };
    const settle = (index: number, outcome: AuditOutcome): void => {
      settled++;
      onOutcome(index, outcome);
    };

    const start = (): void => {
      const data: AuditWorkerData = options.packs ? { packs: options.packs } : {};
      const slot: Slot = { worker: new Worker(BIN, { argv: [AUDIT_WORKER_COMMAND], workerData: data }), ready: false, finished: false, inFlight: new Set() };
      live.add(slot);
      slot.worker.on('message', (message: FromAuditWorker) => {
        switch (message.type) {
          case 'ready':
            slot.ready = true;
            message.problems.forEach(options.onProblem);
            dispatch(slot);
            break;
          case 'audited':
            slot.inFlight.delete(message.index);
            settle(message.index, message.outcome);
            dispatch(slot);
            break;
          case 'finished':
            slot.finished = true;
            message.problems.forEach(options.onProblem);
            break;
        }
      });
      slot.worker.on('error', (error) => {
        slot.error = error;
      });
      slot.worker.on('exit', () => {
        live.delete(slot);
        if (!slot.finished) lost(slot);
        if (live.size === 0) {
          if (settled === files.length) resolve();
          else reject(new Error(`the audit workers could not start (${describe(slot.error)})`));
        }
      });
    };

    /** A worker gone before it was told to finish: its files are reported, and a new worker takes over. */
    const lost = (slot: Slot): void => {
      for (const index of slot.inFlight) {
        const file = files[index]!;
        settle(index, { file, unreadable: fileErrorLine('audit', file, new Error(`the audit worker stopped while this file was being read (${describe(slot.error)})`)) });
      }
      // Only a worker that had started is replaced: one that could not start would fail again.
      if (slot.ready && next < files.length) start();
    };

    for (let i = 0; i < Math.min(options.jobs, files.length); i++) start();
  });
}

function describe(error: unknown): string {
  if (error === undefined) return 'it exited';
  return error instanceof Error ? error.message : JSON.stringify(error);
}
