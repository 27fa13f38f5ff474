import type { FindingCategory, Severity } from '../engine/finding.ts';
import type { AuditResult } from './audit-text.ts';
import { alignedTable } from './text-table.ts';

const CATEGORIES: readonly FindingCategory[] = ['authentication', 'completeness', 'documentation', 'coding'];

/** The batch in figures, counted chart by chart as results arrive (nothing kept per finding). */
export interface BatchSummary {
  audited: number;
  skipped: number;
  incompleteReads: number;
  chartsWithErrors: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  byCategory: Record<FindingCategory, number>;
  /** `pack/rule` → findings. */
  byRule: Map<string, number>;
  /** Suggested codes (add or replace) carried by coding findings, and how many findings carry them. */
  codesSuggested: number;
  findingsSuggestingCodes: number;
  /** DRG → its title and the charts grouped to it. */
  drgs: Map<string, { title: string; mdc: string; charts: number }>;
  /** Inpatient charts the grouper could not take (no principal diagnosis, ...). */
  ungrouped: number;
  /** Inpatient charts not grouped because this build carries no grouper tables. */
  withoutTables: number;
}

export function emptySummary(): BatchSummary {
  return {
    audited: 0, skipped: 0, incompleteReads: 0, chartsWithErrors: 0, findings: 0,
    bySeverity: { error: 0, warning: 0, info: 0 },
    byCategory: { authentication: 0, completeness: 0, documentation: 0, coding: 0 },
    byRule: new Map(), codesSuggested: 0, findingsSuggestingCodes: 0, drgs: new Map(), ungrouped: 0, withoutTables: 0,
  };
}

export function addToSummary(summary: BatchSummary, result: AuditResult): void {
  summary.audited++;
  if (result.coverage?.complete !== true) summary.incompleteReads++;
  if (result.findings.some((f) => f.severity === 'error')) summary.chartsWithErrors++;
  for (const f of result.findings) {
    summary.findings++;
    summary.bySeverity[f.severity]++;
    summary.byCategory[f.category]++;
    const rule = `${f.pack}/${f.rule}`;
    summary.byRule.set(rule, (summary.byRule.get(rule) ?? 0) + 1);
    const suggested = f.category === 'coding' ? f.codes.filter((c) => c.action === 'add' || c.action === 'replace').length : 0;
    summary.codesSuggested += suggested;
    if (suggested > 0) summary.findingsSuggestingCodes++;
  }
  if (result.drg) {
    const seen = summary.drgs.get(result.drg.drg);
    if (seen) seen.charts++;
    else summary.drgs.set(result.drg.drg, { title: result.drg.title, mdc: result.drg.mdc, charts: 1 });
  } else if (result.chart.encounter?.kind === 'inpatient') {
    if (result.drg === null) summary.ungrouped++;
    else summary.withoutTables++;
  }
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The summary as plain text: figures first, then findings by category and rule, then DRGs. */
export function summaryText(s: BatchSummary): string {
  const lines = [
    'Summary',
    ...alignedTable([
      ['  charts audited', String(s.audited)],
      ['  charts skipped (unreadable)', String(s.skipped)],
      ['  charts with errors', String(s.chartsWithErrors)],
      ['  charts with incomplete reads', String(s.incompleteReads)],
      ['  findings', `${s.findings} (${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.info} info)`],
      ['  codes suggested', `${s.codesSuggested} in ${count(s.findingsSuggestingCodes, 'coding finding')}`],
    ]),
    '',
    'Findings by category',
    ...alignedTable(CATEGORIES.map((c) => [`  ${c}`, String(s.byCategory[c])]), [false, true]),
  ];
  if (s.byRule.size > 0) {
    const rules = [...s.byRule].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
    lines.push('', 'Findings by rule', ...alignedTable(rules.map(([rule, n]) => [`  ${rule}`, String(n)]), [false, true]));
  }
  const grouped = [...s.drgs.values()].reduce((n, d) => n + d.charts, 0);
  const notGrouped = [s.ungrouped > 0 ? `${s.ungrouped} inpatient not groupable` : '', s.withoutTables > 0 ? `${s.withoutTables} inpatient not grouped: no grouper tables in this build` : ''].filter(Boolean);
  lines.push('', `Working MS-DRG (${[`${count(grouped, 'chart')} grouped`, ...notGrouped].join(', ')})`);
  if (s.drgs.size > 0) {
    const drgs = [...s.drgs].sort(([a], [b]) => (a < b ? -1 : 1));
    lines.push(...alignedTable(drgs.map(([drg, d]) => [`  ${drg}`, `MDC ${d.mdc}`, String(d.charts), d.title]), [false, false, true, false]));
  }
  return `${lines.join('\n')}\n`;
}
