import { coverageSummary, type Coverage } from '../chart/coverage.ts';
import type { Finding, FindingCategory } from '../engine/finding.ts';

/** Whose chart and which stay, as read from the snapshot (values as printed, dates as ISO when read). */
export interface AuditChart {
  patient?: { name?: string; mrn?: string };
  encounter?: { id?: string; kind?: string; admittedAt?: string; dischargedAt?: string };
}

/** The working MS-DRG as CMS prints it: DRG in three digits, MDC in two. */
export interface AuditDrg {
  drg: string;
  title: string;
  mdc: string;
}

/** A finding as the batch writes it: the engine's finding and who is to complete it, as read. */
export interface AuditFinding extends Finding {
  /** The clinician the deficiency waits on (src/review/responsible.ts); absent when none was read. */
  responsible?: string;
}

/**
 * One audited file: an element of `--format json` and one line of `--format ndjson`. A
 * contract for importers (the dashboard's ndjson import): add fields, never rename or drop one.
 */
export interface AuditResult {
  file: string;
  adapter: string;
  warnings: string[];
  /** What was read and what could not be: a clean audit of an incomplete read proves nothing. */
  coverage?: Coverage;
  findings: AuditFinding[];
  chart: AuditChart;
  /**
   * The chart key (src/chart/chart-key.ts, a hash of the patient identifiers) the extension
   * files this chart under, so an imported batch row and a chart reviewed in the browser meet.
   */
  chartKey?: string;
  /** The encounter's attending as read (a worklist's fallback for who is responsible). */
  attending?: string;
  /**
   * The working MS-DRG from the chart's own codes; null when the chart has none (not an
   * inpatient stay, or no principal diagnosis); absent when this build carries no grouper tables.
   */
  drg?: AuditDrg | null;
}

const CATEGORY_ORDER: FindingCategory[] = ['authentication', 'completeness', 'documentation', 'coding'];

/** What a records technician reads: per file, findings grouped by category, with evidence and citation. */
export function asText(result: AuditResult): string {
  const lines = [`${result.file}  (read by the ${result.adapter} adapter)`];
  if (result.coverage) {
    lines.push(`  ${coverageSummary(result.coverage)}.`);
    for (const gap of result.coverage.gaps) lines.push(`  not read: ${gap}`);
  }
  for (const warning of result.warnings) lines.push(`  note: ${warning}`);
  if (result.findings.length === 0) {
    lines.push(result.coverage?.complete ? '  No deficiencies found.' : '  No deficiencies found in what could be read, but the read was incomplete.');
  }
  for (const category of CATEGORY_ORDER) {
    const findings = result.findings.filter((f) => f.category === category);
    if (findings.length === 0) continue;
    lines.push('', `  ${category.toUpperCase()} (${findings.length})`);
    for (const f of findings) {
      lines.push(`    [${f.severity}] ${f.message}`);
      for (const ref of f.evidence.slice(0, 3)) lines.push(`        “${ref.text.length > 100 ? `${ref.text.slice(0, 99)}…` : ref.text}”`);
      lines.push(`        ${f.citation} · rule ${f.pack}/${f.rule}`);
    }
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  lines.push('', `  ${result.findings.length} finding(s), ${errors} error(s)`, '');
  return lines.join('\n');
}
