import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptySnapshot, type ChartSnapshot } from '../../../src/chart/snapshot.ts';

/** storage.session as the browser keeps it: values survive the worker, as structured clones. */
const session = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: (key: string) => Promise.resolve(session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) session.set(key, structuredClone(value));
          return Promise.resolve();
        },
        remove: (key: string) => Promise.resolve(void session.delete(key)),
        clear: () => Promise.resolve(session.clear()),
      },
    },
    scripting: { executeScript: () => Promise.reject(new Error('no tabs here')) },
  },
}));

const NOW = '2026-11-24T12:00:00.000Z';
const chart: ChartSnapshot = {
  ...emptySnapshot('demo-ehr', NOW),
  patient: { mrn: { value: '4820193', source: { text: '4820193' } } },
  documents: [{ id: 'n1', kind: 'progress-note', title: { value: 'Progress note', source: { text: 'Progress note' } }, signature: { status: 'unsigned' }, identifiers: {}, sections: [{ title: 'Assessment', text: 'x'.repeat(10_000), source: { text: 'x' } }], source: { text: 'n1' } }],
};
const finding = { rule: 'document-unsigned', fingerprint: 'f1' } as never;

describe('a tab’s record across a worker restart', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.resetModules();
    session.clear();
  });

  it('keeps the findings, chart key and state in session storage, but not the chart itself', async () => {
    vi.useFakeTimers();
    const worker = await import('../../../src/background/tab-states.ts');
    const record = await worker.putFrame(7, 0, chart, 'http://ehr/chart', 1);
    worker.saveFindings(7, record, [finding]);
    expect(session.size).toBe(0); // written once typing pauses, not on every keystroke
    await vi.runAllTimersAsync();
    const stored = session.get('tab:7') as { frames: unknown[]; findings: unknown[]; chartKey: string; empty: boolean };
    expect(stored.frames).toEqual([]);
    expect(stored.findings).toEqual([finding]);
    expect(stored.chartKey).toBe(record.chartKey);
    expect(stored.empty).toBe(false);
    expect(JSON.stringify(stored)).not.toContain('xxxxxxxx');

    // A new worker: the record comes back without readings, and the page is asked to read again.
    vi.resetModules();
    const restarted = await import('../../../src/background/tab-states.ts');
    const restored: number[] = [];
    restarted.whenRestored((tabId) => restored.push(tabId));
    const back = await restarted.getTab(7);
    expect(back?.findings).toEqual([finding]);
    expect(back?.frames).toEqual([]);
    expect(restored).toEqual([7]);
    await restarted.getTab(7);
    expect(restored).toEqual([7]);
  });

  it('forgets every tab, in memory and in storage, when all local data is erased', async () => {
    vi.useFakeTimers();
    const worker = await import('../../../src/background/tab-states.ts');
    const record = await worker.putFrame(3, 0, chart, 'http://ehr/chart', 1);
    worker.saveFindings(3, record, [finding]);
    await vi.runAllTimersAsync();
    worker.saveFindings(3, record, [finding]);
    await worker.forgetAllTabs();
    await vi.runAllTimersAsync();
    expect(session.size).toBe(0);
    expect(await worker.getTab(3)).toBeUndefined();
  });

  it('a tab forgotten while it was being judged stays forgotten', async () => {
    vi.useFakeTimers();
    const worker = await import('../../../src/background/tab-states.ts');
    const record = await worker.putFrame(5, 0, chart, 'http://ehr/chart', 1);
    await worker.forgetTab(5); // closed, erased or revoked while the rules ran
    worker.saveFindings(5, record, [finding]);
    await vi.runAllTimersAsync();
    expect(session.size).toBe(0);
    expect(await worker.getTab(5)).toBeUndefined();
  });
});
