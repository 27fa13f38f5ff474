import { parseBatchResults, type BatchProblem } from '../review/batch-import.ts';
import type { ChartlintDatabase } from './db.ts';
import { writeChartReview } from './review-write.ts';
import { readSettings } from './settings.ts';

export interface BatchImportCounts {
  charts: number;
  findings: number;
  /** Findings a complete re-audit of the same file no longer raised. */
  resolved: number;
  /** Lines skipped, by number, and why. */
  problems: BatchProblem[];
}

/**
 * Imports a `chartlint audit --format ndjson` file into the review record, chart by chart, as
 * if each had been read in the browser (a re-import of a later run resolves what it no longer
 * raises). Bad lines are skipped and reported; identifiers follow the user's privacy setting.
 */
export async function importBatchResults(db: ChartlintDatabase, ndjsonText: string, importName: string, now: string): Promise<BatchImportCounts> {
  const { reviewIdentifiers } = await readSettings(db);
  const parsed = parseBatchResults(ndjsonText, importName, reviewIdentifiers);
  const counts: BatchImportCounts = { charts: 0, findings: 0, resolved: 0, problems: parsed.problems };
  for (const batch of parsed.charts) {
    const written = await writeChartReview(db, batch.chart, batch.findings, { page: batch.file, readComplete: batch.readComplete, now, ...(batch.drg ? { drg: batch.drg } : {}) });
    counts.charts++;
    counts.findings += written.raised;
    counts.resolved += written.resolved;
  }
  return counts;
}
