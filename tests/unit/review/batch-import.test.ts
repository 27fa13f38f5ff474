import { describe, expect, it } from 'vitest';
import { createChartAuditor } from '../../../src/cli/chart-auditor.ts';
import type { AuditResult } from '../../../src/cli/audit-text.ts';
import { parseBatchResults } from '../../../src/review/batch-import.ts';
import { openChartlintDb } from '../../../src/storage/db.ts';
import { importBatchResults } from '../../../src/storage/review-import.ts';
import { readReviewRecord } from '../../../src/storage/review-record.ts';
import { DEFAULT_USER_SETTINGS, writeSettings } from '../../../src/storage/settings.ts';

/** A line exactly as `chartlint audit --format ndjson` writes it for one chart. */
async function auditedLine(file: string): Promise<AuditResult> {
  const outcome = await createChartAuditor(undefined).audit(file);
  if (!('result' in outcome)) throw new Error(outcome.unreadable);
  return outcome.result;
}

describe('parseBatchResults', () => {
  it('reads each audited chart of the CLI ndjson, and reports the bad lines by number', async () => {
    const pneumonia = await auditedLine('tests/fixtures/demo-ehr/pneumonia.html');
    const chart = await auditedLine('tests/fixtures/demo-ehr/chart.html');
    expect(pneumonia.findings.length).toBeGreaterThan(0);
    const text = [JSON.stringify(pneumonia), '{"file": "broken.html", "findi', '', JSON.stringify({ file: 'x.html', findings: [{ rule: 'r' }] }), JSON.stringify(chart), '[1,2]'].join('\n');

    const parsed = parseBatchResults(text, 'run-1.ndjson', 'hash-identifiers');

    expect(parsed.problems).toEqual([
      { line: 2, message: 'not JSON' },
      { line: 4, message: 'finding 1 has no "pack"' },
      { line: 6, message: 'not an audited chart (expected a JSON object)' },
    ]);
    expect(parsed.charts.map((c) => [c.line, c.file])).toEqual([
      [1, 'tests/fixtures/demo-ehr/pneumonia.html'],
      [5, 'tests/fixtures/demo-ehr/chart.html'],
    ]);
    const [first] = parsed.charts;
    // The browser's chart key, so a batch row and a browser review of the same chart meet.
    expect(first?.chart).toMatchObject({ chartKey: pneumonia.chartKey, source: 'batch-import', importName: 'run-1.ndjson', encounterClass: 'inpatient', dischargedAt: pneumonia.chart.encounter?.dischargedAt });
    expect(first?.chart.dischargedAt).toMatch(/^2026-11-23/);
    expect(first?.chart).not.toHaveProperty('patientName');
    expect(first?.readComplete).toBe(pneumonia.coverage?.complete);
    expect(first?.findings.map((f) => f.fingerprint)).toEqual(pneumonia.findings.map((f) => f.fingerprint));
    expect(first?.findings.map((f) => f.responsible)).toEqual(pneumonia.findings.map((f) => f.responsible));
    expect(first?.findings.some((f) => f.responsible)).toBe(true);
  });

  it('keeps the name and MRN only under "store-identifiers"', async () => {
    const line = JSON.stringify(await auditedLine('tests/fixtures/demo-ehr/pneumonia.html'));
    expect(parseBatchResults(line, 'a', 'store-identifiers').charts[0]?.chart).toMatchObject({ patientName: 'Okonkwo, James T', mrn: '7731046' });
    expect(JSON.stringify(parseBatchResults(line, 'a', 'hash-identifiers').charts)).not.toContain('Okonkwo');
  });
});

describe('importBatchResults', () => {
  it('writes the good lines into the review record, skips the bad ones, and a re-import is not counted twice', async () => {
    const db = await openChartlintDb(`chartlint-import-${Math.random()}`);
    await writeSettings(db, { ...DEFAULT_USER_SETTINGS, reviewIdentifiers: 'store-identifiers' });
    const pneumonia = await auditedLine('tests/fixtures/demo-ehr/pneumonia.html');
    const text = `${JSON.stringify(pneumonia)}\nnot json\n`;
    const counts = await importBatchResults(db, text, 'run-1.ndjson', '2026-12-01T00:00:00.000Z');
    expect(counts).toEqual({ charts: 1, findings: pneumonia.findings.length, resolved: 0, problems: [{ line: 2, message: 'not JSON' }] });
    await importBatchResults(db, text, 'run-1.ndjson', '2026-12-02T00:00:00.000Z');
    const record = await readReviewRecord(db);
    expect(record.charts).toMatchObject([{ source: 'batch-import', patientName: 'Okonkwo, James T', firstSeenAt: '2026-12-01T00:00:00.000Z', lastSeenAt: '2026-12-02T00:00:00.000Z' }]);
    expect(record.findings).toHaveLength(pneumonia.findings.length);

    // A later run of the same file, complete, that no longer raises the first finding resolves it.
    const later = { ...pneumonia, coverage: { ...pneumonia.coverage!, complete: true }, findings: pneumonia.findings.slice(1) };
    const again = await importBatchResults(db, JSON.stringify(later), 'run-2.ndjson', '2026-12-03T00:00:00.000Z');
    expect(again.resolved).toBe(1);
    const resolved = (await readReviewRecord(db)).findings.filter((f) => f.resolvedAt);
    expect(resolved.map((f) => f.fingerprint)).toEqual([pneumonia.findings[0]!.fingerprint]);
    db.close();
  });
});
