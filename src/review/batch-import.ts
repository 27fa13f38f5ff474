import { chartKeyOf } from '../chart/chart-key.ts';
import { emptySnapshot, type Field } from '../chart/snapshot.ts';
import type { Finding } from '../engine/finding.ts';
import type { IdentifierPrivacy, ReviewedDrg } from '../storage/review-types.ts';
import type { ChartFacts, FindingFacts } from '../storage/review-write.ts';
import { findingFactsOf } from '../storage/review-record.ts';

/** One chart of a batch run (one ndjson line), ready to be written like a browser read. */
export interface BatchChart {
  line: number;
  chart: ChartFacts;
  findings: FindingFacts[];
  /** The audited file: the "page" its findings were raised on. */
  file: string;
  readComplete: boolean;
  drg?: ReviewedDrg;
}

export interface BatchProblem {
  line: number;
  message: string;
}

export interface ParsedBatch {
  charts: BatchChart[];
  /** Lines that are not an audited chart, by number (1-based), skipped. */
  problems: BatchProblem[];
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const FINDING_TEXTS = ['rule', 'pack', 'category', 'message', 'fingerprint'] as const;

/**
 * Reads what `chartlint audit --format ndjson` wrote (src/cli/audit-text.ts, AuditResult: one
 * chart per line) into review-record rows. A line that is not such a chart is reported by its
 * number and skipped; blank lines are nothing. Identifiers are kept only under 'store-identifiers'.
 */
export function parseBatchResults(text: string, importName: string, privacy: IdentifierPrivacy): ParsedBatch {
  const parsed: ParsedBatch = { charts: [], problems: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      parsed.problems.push({ line, message: 'not JSON' });
      return;
    }
    const problem = problemOf(value);
    if (problem) parsed.problems.push({ line, message: problem });
    else parsed.charts.push(batchChartOf(value as BatchLine, line, importName, privacy));
  });
  return parsed;
}

/** The part of an AuditResult line the import reads. */
interface BatchLine {
  file: string;
  findings: (Finding & { responsible?: string })[];
  coverage?: { complete?: boolean };
  chart?: { patient?: { name?: string; mrn?: string }; encounter?: { id?: string; kind?: string; admittedAt?: string; dischargedAt?: string } };
  chartKey?: string;
  attending?: string;
  drg?: { drg: string; title?: string } | null;
}

function problemOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an audited chart (expected a JSON object)';
  const line = value as Record<string, unknown>;
  if (typeof line.file !== 'string') return 'no "file"';
  if (!Array.isArray(line.findings)) return 'no "findings" list';
  for (const [at, finding] of (line.findings as unknown[]).entries()) {
    if (typeof finding !== 'object' || finding === null) return `finding ${at + 1} is not an object`;
    const f = finding as Record<string, unknown>;
    const missing = FINDING_TEXTS.find((key) => typeof f[key] !== 'string');
    if (missing) return `finding ${at + 1} has no "${missing}"`;
    if (!SEVERITIES.has(f.severity as string)) return `finding ${at + 1} has an unknown severity`;
  }
  return undefined;
}

function batchChartOf(line: BatchLine, number: number, importName: string, privacy: IdentifierPrivacy): BatchChart {
  const patient = line.chart?.patient;
  const encounter = line.chart?.encounter;
  const chartKey = typeof line.chartKey === 'string' && line.chartKey ? line.chartKey : fallbackKey(line);
  const chart: ChartFacts = {
    chartKey,
    source: 'batch-import',
    importName,
    title: line.file,
    ...(privacy === 'store-identifiers' ? { patientName: text(patient?.name), mrn: text(patient?.mrn) } : {}),
    encounterId: text(encounter?.id),
    encounterClass: text(encounter?.kind),
    admittedAt: text(encounter?.admittedAt),
    dischargedAt: text(encounter?.dischargedAt),
    attending: text(line.attending),
  };
  const findings = line.findings.map((finding) => findingFactsOf(chartKey, { ...finding, codes: Array.isArray(finding.codes) ? finding.codes : [] }, text(finding.responsible)));
  const drg = line.drg && typeof line.drg.drg === 'string' ? { drg: line.drg.drg, ...(line.drg.title ? { title: line.drg.title } : {}) } : undefined;
  return { line: number, chart, findings, file: line.file, readComplete: line.coverage?.complete === true, ...(drg ? { drg } : {}) };
}

/**
 * Lines written before the CLI gave the chart key: keyed the same way from the identifiers they
 * print (no date of birth, so they will not meet the browser's key), or the file name.
 */
function fallbackKey(line: BatchLine): string {
  const snapshot = emptySnapshot('batch-import', '');
  const field = (value: string | undefined): Field | undefined => (value ? { value, source: { text: value } } : undefined);
  const name = field(text(line.chart?.patient?.name));
  const mrn = field(text(line.chart?.patient?.mrn));
  snapshot.patient = { ...(name ? { name } : {}), ...(mrn ? { mrn } : {}) };
  snapshot.source.url = line.file;
  return chartKeyOf(snapshot);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
