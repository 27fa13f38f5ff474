import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptySnapshot } from '../../../src/chart/snapshot.ts';
import type { ChartReviewInput } from '../../../src/storage/review-record.ts';
import { DEFAULT_USER_SETTINGS } from '../../../src/storage/settings.ts';

// The worker's recorder on its own: what it writes and how often. The writes themselves
// (storage/review-record.ts) are tested in tests/unit/storage; here they are counted.
const writes: ChartReviewInput[] = [];
let failNext = false;
vi.mock('../../../src/storage/review-record.ts', () => ({
  recordChartReview: (_db: unknown, input: ChartReviewInput) => {
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('quota exceeded'));
    }
    writes.push(input);
    return Promise.resolve({ raised: input.findings.length, added: 0, resolved: 0 });
  },
}));
vi.mock('../../../src/storage/database.ts', () => ({ database: () => Promise.resolve({}) }));
vi.mock('../../../src/background/rule-engine.ts', () => ({ loadedRules: () => Promise.resolve({ settings: { ...DEFAULT_USER_SETTINGS, reviewIdentifiers: 'store-identifiers' }, runningRules: new Set(['authentication/a']) }) }));
vi.mock('../../../src/background/findings-view.ts', () => ({ splitByDismissal: (_key: string, findings: unknown[]) => Promise.resolve({ open: findings, dismissed: [] }) }));
vi.mock('../../../src/background/working-drg.ts', () => ({ workingDrgOf: () => Promise.resolve({}) }));

const snapshot = { ...emptySnapshot('generic', '2026-11-24T12:00:00.000Z'), patient: { mrn: { value: '4820193', source: { text: '4820193' } } } };
const tab = { url: 'https://ehr.example.test/chart#notes', frames: [{ frameId: 0, snapshot }], findings: [] as { rule: string }[], updatedAt: '', chartKey: 'k1', empty: false };
vi.mock('../../../src/background/tab-states.ts', () => ({
  getTab: () => Promise.resolve(tab),
  chartOf: () => snapshot,
}));

const { reviewSoon, flushReview, forgetPendingReviews } = await import('../../../src/background/review-recorder.ts');

describe('the review recorder', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    writes.length = 0;
    tab.findings = [];
    tab.chartKey = 'k1';
  });
  afterEach(() => {
    forgetPendingReviews();
    vi.useRealTimers();
  });

  it('writes a chart at once, then at most once per 2 s, with the findings as they are by then', async () => {
    tab.findings = [{ rule: 'a' }];
    reviewSoon(1, 'k1');
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ url: 'https://ehr.example.test/chart#notes', origin: 'https://ehr.example.test', privacy: 'store-identifiers' });

    // A burst of typing: five updates, one write when the two seconds are up, with the last findings.
    for (const rule of ['b', 'c', 'd', 'e', 'f']) {
      tab.findings = [{ rule }];
      reviewSoon(1, 'k1');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(writes).toHaveLength(2);
    expect(writes[1]?.findings).toEqual([{ rule: 'f' }]);
  });

  it('writes a pending review at once when flushed (a dismissal needs its finding written first)', async () => {
    reviewSoon(1, 'k1');
    await vi.advanceTimersByTimeAsync(0);
    reviewSoon(1, 'k1');
    expect(writes).toHaveLength(1);
    await flushReview('k1');
    expect(writes).toHaveLength(2);
    // Nothing pending: a flush writes nothing more.
    await flushReview('k1');
    expect(writes).toHaveLength(2);
  });

  it('skips a tab that moved on to another chart, and a failed write throws nowhere', async () => {
    tab.chartKey = 'k2';
    reviewSoon(1, 'k1');
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(0);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    tab.chartKey = 'k3';
    failNext = true;
    reviewSoon(1, 'k3');
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(0);
    expect(warn).toHaveBeenCalledWith('chartlint: could not record this chart in the review record', expect.any(Error));
    warn.mockRestore();
  });
});
