import { auditInWorkers } from './audit-pool.ts';
import type { AuditOutcome } from './chart-auditor.ts';

export interface RunOptions {
  /** Worker threads; 1 (or a single file) audits in this process. */
  jobs: number;
  packs?: string;
  /** Each outcome, in the order of `files`, as soon as it and every file before it are done. */
  onOutcome: (outcome: AuditOutcome) => void;
  /** Each file done, in whatever order they finish (for the progress bar). */
  onProgress?: (done: number) => void;
  /** Pack and rule problems, each line once. */
  onProblem: (line: string) => void;
}

/**
 * Audits the files, in parallel when asked, and hands the outcomes on in the files' order
 * whichever finished first, so a batch's output does not depend on the machine's timing.
 */
export async function auditFiles(files: readonly string[], options: RunOptions): Promise<void> {
  /** Done but not yet handed on (a later file finished before an earlier one). */
  const waiting = new Map<number, AuditOutcome>();
  const done = new Set<number>();
  let handedOn = 0;
  const seenProblems = new Set<string>();
  const onProblem = (line: string): void => {
    if (seenProblems.has(line)) return;
    seenProblems.add(line);
    options.onProblem(line);
  };
  const settle = (index: number, outcome: AuditOutcome): void => {
    done.add(index);
    waiting.set(index, outcome);
    options.onProgress?.(done.size);
    for (let next = waiting.get(handedOn); next; next = waiting.get(handedOn)) {
      waiting.delete(handedOn);
      handedOn++;
      options.onOutcome(next);
    }
  };

  if (options.jobs > 1 && files.length > 1) {
    try {
      await auditInWorkers(files, { jobs: options.jobs, onProblem, ...(options.packs ? { packs: options.packs } : {}) }, settle);
      return;
    } catch (error) {
      // Threads unavailable (a locked-down runtime, memory): the rest runs here, slower but whole.
      console.error(`chartlint audit: ${error instanceof Error ? error.message : String(error)}; auditing the rest in one process`);
    }
  }
  // Imported here: with workers, this thread only orders and writes, and need not load the DOM or the engine.
  const { createChartAuditor } = await import('./chart-auditor.ts');
  const auditor = createChartAuditor(options.packs);
  auditor.problems().forEach(onProblem);
  for (const [index, file] of files.entries()) {
    if (!done.has(index)) settle(index, await auditor.audit(file));
  }
  auditor.problems().forEach(onProblem);
}
