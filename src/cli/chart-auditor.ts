import { snapshotFromFile } from '../chart/from-file.ts';
import { setActiveCodeTable } from '../codes/active-table.ts';
import { loadStarterTable } from '../codes/starter-table.ts';
import { createEvaluator } from '../engine/evaluate.ts';
import { readPackFiles } from '../engine/node-packs.ts';
import { loadPacks, type PackError } from '../engine/packs.ts';
import { chartKeyOf } from '../chart/chart-key.ts';
import { responsibleFor } from '../review/responsible.ts';
import { auditChartOf } from './audit-chart.ts';
import { auditDrgOf } from './audit-drg.ts';
import type { AuditResult } from './audit-text.ts';
import { fileErrorLine } from './file-error.ts';
import { packList, rulesDir } from './rules-dir.ts';

/** One file's audit: its result, or the one stderr line that says why it was skipped. */
export type AuditOutcome = { file: string; result: AuditResult } | { file: string; unreadable: string };

export interface ChartAuditor {
  audit(file: string): Promise<AuditOutcome>;
  /** Packs that did not load and rules that threw, as stderr lines (each once). */
  problems(): string[];
}

/**
 * Loads the rule packs and the code table once (per process or worker) and audits files with
 * them. A file that cannot be read becomes an `unreadable` outcome, never a thrown error: one
 * bad chart must not cost a batch its other charts.
 */
export function createChartAuditor(packsOption: string | undefined): ChartAuditor {
  const { packs, errors } = loadPacks(readPackFiles(rulesDir(), packList(packsOption)));
  // The same ICD-10-CM table the extension ships (built by `npm run build` / `npm ci`).
  setActiveCodeTable(loadStarterTable());
  const evaluator = createEvaluator(packs);
  return {
    async audit(file) {
      try {
        const snapshot = await snapshotFromFile(file);
        const findings = await evaluator.evaluate(snapshot);
        const drg = auditDrgOf(snapshot, findings);
        const attending = snapshot.encounter?.attending?.name.value.trim();
        const result: AuditResult = {
          file,
          adapter: snapshot.source.adapter,
          warnings: snapshot.warnings,
          ...(snapshot.coverage ? { coverage: snapshot.coverage } : {}),
          findings: findings.map((finding) => {
            const responsible = responsibleFor(snapshot, finding);
            return responsible ? { ...finding, responsible } : finding;
          }),
          chart: auditChartOf(snapshot),
          chartKey: chartKeyOf(snapshot),
          ...(attending ? { attending } : {}),
          ...(drg !== undefined ? { drg } : {}),
        };
        return { file, result };
      } catch (error) {
        return { file, unreadable: fileErrorLine('audit', file, error) };
      }
    },
    problems: () => [...errors, ...evaluator.errors].map(packErrorLine),
  };
}

function packErrorLine(error: PackError): string {
  return `chartlint: rule pack "${error.pack}", file ${error.file}${error.rule ? `, rule ${error.rule}` : ''}: ${error.message}`;
}
