import { csvHeader, csvRecordsOf } from './audit-csv.ts';
import { summaryText, type BatchSummary } from './audit-summary.ts';
import { chartTable } from './audit-table.ts';
import { asText, type AuditResult } from './audit-text.ts';

export const AUDIT_FORMATS = ['text', 'table', 'csv', 'ndjson', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Where a batch's output goes: stdout for the results, stderr for what a person reads beside them. */
export interface AuditStreams {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Takes each chart's result in order, then the summary. */
export interface AuditWriter {
  chart(result: AuditResult): void;
  end(summary: BatchSummary): void;
}

/**
 * One writer per format. ndjson, csv and text write each chart as it comes (a record set can be
 * larger than memory); json and table need all of them. The summary goes to stderr for the
 * machine-readable formats, so stdout stays one parseable document; after the table for
 * `table`; `text` stays the per-chart report it always was.
 */
export function auditWriter(format: AuditFormat, { out, err }: AuditStreams): AuditWriter {
  switch (format) {
    case 'text':
      return { chart: (r) => out(`${asText(r)}\n`), end: () => {} };
    case 'ndjson':
      return { chart: (r) => out(`${JSON.stringify(r)}\n`), end: (s) => err(summaryText(s)) };
    case 'csv':
      out(csvHeader());
      return { chart: (r) => out(csvRecordsOf(r)), end: (s) => err(summaryText(s)) };
    case 'json': {
      const results: AuditResult[] = [];
      const end = (s: BatchSummary): void => {
        out(`${JSON.stringify(results, null, 2)}\n`);
        err(summaryText(s));
      };
      return { chart: (r) => void results.push(r), end };
    }
    case 'table': {
      const results: AuditResult[] = [];
      return { chart: (r) => void results.push(r), end: (s) => out(`${chartTable(results)}\n${summaryText(s)}`) };
    }
  }
}
