import type { Finding } from '../engine/finding.ts';
import { csvRecord } from './csv.ts';
import type { AuditResult } from './audit-text.ts';

/** The columns of `--format csv`, one record per finding. */
export const CSV_COLUMNS = ['file', 'patient_mrn', 'encounter', 'encounter_kind', 'admitted', 'rule', 'pack', 'category', 'severity', 'message', 'evidence', 'citation'] as const;

export const csvHeader = (): string => csvRecord(CSV_COLUMNS);

/**
 * A chart's CSV records: one per finding, with the first evidence quote; a chart without
 * findings gets one record with the finding columns empty, so that a spreadsheet's count of
 * charts is the count of distinct files.
 */
export function csvRecordsOf(result: AuditResult): string {
  const { patient, encounter } = result.chart;
  const chart = [result.file, patient?.mrn ?? '', encounter?.id ?? '', encounter?.kind ?? '', encounter?.admittedAt ?? ''];
  const finding = (f: Finding): string[] => [f.rule, f.pack, f.category, f.severity, f.message, f.evidence[0]?.text ?? '', f.citation];
  if (result.findings.length === 0) return csvRecord([...chart, ...CSV_COLUMNS.slice(chart.length).map(() => '')]);
  return result.findings.map((f) => csvRecord([...chart, ...finding(f)])).join('');
}
