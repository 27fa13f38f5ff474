import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSnapshot } from '../../src/chart/snapshot.ts';
import { openChartSession, tabIdOf, type ChartSession } from '../../scripts/panel.ts';

/**
 * The keystroke path in the real browser: after a change inside a note or in a form field the
 * content script sends only what changed (`cs-bg-snapshot-update`), and the chart the worker
 * holds must still be exactly what a whole reading of the page gives.
 */
describe('live updates send only what changed, and the worker’s chart stays right', () => {
  let s: ChartSession;
  let tabId: number;

  beforeAll(async () => {
    s = await openChartSession('tests/fixtures/demo-ehr', 'chart.html');
    tabId = await tabIdOf(s.browser, s.chart);
    // Hear which readings reach the worker (a listener of our own; it answers nothing).
    await s.browser.worker.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { seen: string[] }).seen = seen;
      chrome.runtime.onMessage.addListener((message: { type?: string }) => {
        if (message.type?.startsWith('cs-bg-snapshot')) seen.push(message.type);
      });
    });
  }, 60_000);

  afterAll(async () => {
    await s.close();
  });

  const seen = () => s.browser.worker.evaluate(() => (globalThis as unknown as { seen: string[] }).seen.splice(0));
  const workerChart = () =>
    s.panel.evaluate((id) => chrome.runtime.sendMessage<unknown, ChartSnapshot>({ type: 'panel-bg-get-snapshot', tabId: id }), tabId);
  const withoutTime = (chart: ChartSnapshot) => ({ ...chart, source: { ...chart.source, extractedAt: '' } });

  it('signing a note and typing in a field send partial updates, and the panel follows them', async () => {
    await s.chart.locator('.sign-button').first().click();
    await s.chart.locator('#dx-admitting').fill('Community-acquired pneumonia');
    await expect.poll(() => s.panel.locator('li.finding[data-rule="required-field-empty"]').filter({ hasText: 'Admitting diagnosis' }).count(), { timeout: 10_000 }).toBe(0);
    const types = await seen();
    expect(types).toContain('cs-bg-snapshot-update');
    expect(types).not.toContain('cs-bg-snapshot');
  });

  it('the chart the worker built from the updates equals a whole reading of the page', async () => {
    const built = await workerChart();
    expect(built.documents.length).toBeGreaterThan(2);
    expect(built.forms.find((f) => f.id === 'dx-admitting')?.value).toBe('Community-acquired pneumonia');
    // Ask the page to read everything again and send it whole, as after a worker restart.
    await s.browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'bg-cs-read-again' }), tabId);
    await expect.poll(async () => (await workerChart()).source.extractedAt, { timeout: 10_000 }).not.toBe(built.source.extractedAt);
    expect(await seen()).toContain('cs-bg-snapshot');
    expect(withoutTime(await workerChart())).toEqual(withoutTime(built));
  });
});
