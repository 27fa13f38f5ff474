import { describe, expect, it } from 'vitest';
import { chartKeyOf } from '../../../src/chart/chart-key.ts';
import { openChartlintDb } from '../../../src/storage/db.ts';
import { eraseAllLocalData } from '../../../src/storage/erase-all.ts';
import { pruneExpired } from '../../../src/storage/retention.ts';
import { recordCodeDecision, recordQueryDrafted } from '../../../src/storage/review-decisions.ts';
import { readReviewRecord, recordChartReview } from '../../../src/storage/review-record.ts';
import { chartSnapshot, finding } from './review-fixtures.ts';

const OLD = '2026-01-10T00:00:00.000Z';
const RECENT = '2026-11-20T00:00:00.000Z';
const NOW = new Date('2026-12-01T00:00:00.000Z');

/** Two charts: one last seen long ago, one seen recently that also carries an old finding. */
async function twoCharts() {
  const db = await openChartlintDb(`chartlint-review-retention-${Math.random()}`);
  const oldChart = chartSnapshot(undefined, 'https://ehr.example.test/chart?id=old');
  oldChart.patient = { ...oldChart.patient, mrn: { value: '111', source: { text: '111' } } };
  const base = { origin: 'https://ehr.example.test', privacy: 'hash-identifiers' as const };
  await recordChartReview(db, { ...base, snapshot: oldChart, url: oldChart.source.url, findings: [finding('document-unsigned', 'doc-2')], now: OLD });
  const oldKey = chartKeyOf(oldChart);
  await recordQueryDrafted(db, { chartKey: oldKey, fingerprint: 'document-unsigned:doc-2', rule: 'document-unsigned', now: OLD });
  await recordCodeDecision(db, { chartKey: oldKey, system: 'ICD-10-CM', code: 'J18.9', decision: 'accepted', at: OLD });

  const recent = chartSnapshot({ truncated: true });
  // Raised in January, then only partial reads since (nothing resolves it, nothing raises it).
  await recordChartReview(db, { ...base, snapshot: recent, url: recent.source.url, findings: [finding('cosignature-missing', 'doc-1')], now: OLD });
  await recordChartReview(db, { ...base, snapshot: recent, url: recent.source.url, findings: [finding('document-unsigned', 'doc-2')], now: RECENT });
  const recentKey = chartKeyOf(recent);
  await recordCodeDecision(db, { chartKey: recentKey, system: 'ICD-10-CM', code: 'N17.9', decision: 'rejected', reason: 'not documented', at: RECENT });
  return { db, oldKey, recentKey };
}

describe('retention of the review record', () => {
  it('deletes charts not seen within the period with all their records, and old findings of charts still seen', async () => {
    const { db, oldKey, recentKey } = await twoCharts();
    expect((await readReviewRecord(db)).findings).toHaveLength(3);

    const pruned = await pruneExpired(db, 90, NOW);

    expect(pruned).toMatchObject({ reviewCharts: 1, reviewFindings: 2 });
    const record = await readReviewRecord(db);
    expect(record.charts.map((c) => c.chartKey)).toEqual([recentKey]);
    expect(record.findings.map((f) => [f.chartKey, f.rule])).toEqual([[recentKey, 'document-unsigned']]);
    expect(record.queries).toEqual([]);
    expect(record.codeDecisions.map((d) => d.chartKey)).toEqual([recentKey]);
    expect(record.charts.some((c) => c.chartKey === oldKey)).toBe(false);
    db.close();
  });

  it('keeps everything with a period of 0 days', async () => {
    const { db } = await twoCharts();
    expect(await pruneExpired(db, 0, NOW)).toMatchObject({ reviewCharts: 0, reviewFindings: 0 });
    const record = await readReviewRecord(db);
    expect([record.charts.length, record.findings.length, record.queries.length, record.codeDecisions.length]).toEqual([2, 3, 1, 2]);
    db.close();
  });

  it('goes with "Erase all local data"', async () => {
    const { db } = await twoCharts();
    await eraseAllLocalData(db);
    expect(await readReviewRecord(db)).toEqual({ charts: [], findings: [], queries: [], codeDecisions: [] });
    db.close();
  });
});
