import type { AuditResult } from './audit-text.ts';
import { alignedTable } from './text-table.ts';

const TITLE_WIDTH = 48;

function drgCell(result: AuditResult): string {
  if (!result.drg) return result.drg === null ? '-' : '';
  const { drg, title } = result.drg;
  return `${drg} ${title.length > TITLE_WIDTH ? `${title.slice(0, TITLE_WIDTH - 1)}…` : title}`;
}

/** `--format table`: one line per chart, aligned, for a person to scan a batch. */
export function chartTable(results: readonly AuditResult[]): string {
  const rows = [
    ['file', 'findings', 'errors', 'read complete', 'DRG'],
    ...results.map((r) => [r.file, String(r.findings.length), String(r.findings.filter((f) => f.severity === 'error').length), r.coverage?.complete ? 'yes' : 'no', drgCell(r)]),
  ];
  return `${alignedTable(rows, [false, true, true, false, false]).join('\n')}\n`;
}
