import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { openChartSession, panelFindings, tabIdOf, type ChartSession } from '../../scripts/panel.ts';

// A single-page EHR: going to the next patient swaps the DOM and calls history.pushState, with
// no page load. The panel must follow to the second chart and forget the first.
describe('a single-page-app chart in Chromium', () => {
  let session: ChartSession;
  let browser: ExtensionBrowser;
  let chart: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/live', 'spa.html?patient=1001');
    ({ browser, chart, panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const rules = async () => (await panelFindings(panel)).map((f) => `${f.rule}: ${f.message}`);

  it('shows the first patient’s unsigned note', async () => {
    await expect.poll(rules).toContainEqual(expect.stringMatching(/^document-unsigned: Progress Note by Marcus Bell/));
    expect(await rules()).not.toContainEqual(expect.stringMatching(/^dictated-not-signed/));
  });

  it('follows a pushState navigation to the second patient within two seconds, and drops the first patient’s findings', async () => {
    const loads: string[] = [];
    chart.on('load', () => loads.push(chart.url()));
    await chart.click('#to-second');
    expect(chart.url()).toMatch(/patient=1002$/);
    await expect
      .poll(rules, { timeout: 2_000, interval: 100 })
      .toContainEqual(expect.stringMatching(/^dictated-not-signed: Consultation by Yuki Tanaka/));
    expect(await rules()).not.toContainEqual(expect.stringMatching(/^document-unsigned/));
    expect(loads).toEqual([]); // no page load happened
    await panel.getByRole('tab', { name: 'Chart' }).click();
    const text = await panel.locator('.chart-view').textContent();
    expect(text).toContain('Abara, Kofi');
    expect(text).not.toContain('Chen, Wei');
    await panel.getByRole('tab', { name: 'Findings' }).click();
  });

  it('re-reads after a pushState that changes only the URL (the Navigation API hook)', async () => {
    const tabId = await tabIdOf(browser, chart);
    await chart.evaluate(() => history.pushState({}, '', 'spa.html?patient=1002&view=notes'));
    const storedUrl = () =>
      browser.worker.evaluate(async (id: number) => {
        const stored = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { url?: string } | undefined;
        return stored?.url;
      }, tabId);
    await expect.poll(storedUrl, { timeout: 2_000, interval: 100 }).toMatch(/view=notes$/);
    await chart.goBack();
  });

  it('follows the Back button to the first patient again', async () => {
    await chart.goBack();
    await expect
      .poll(rules, { timeout: 2_000, interval: 100 })
      .toContainEqual(expect.stringMatching(/^document-unsigned: Progress Note by Marcus Bell/));
    expect(await rules()).not.toContainEqual(expect.stringMatching(/^dictated-not-signed/));
  });

  it('drops the chart when the tab leaves for a page chartlint does not read, and the panel no longer shows its findings', async () => {
    // No content script runs on about:blank, so only the worker's handling of the navigation
    // can clear the panel: without it, the last chart's findings would stand as this page's.
    await chart.goto('about:blank');
    await panel.locator('[data-state="not-enabled"], [data-state="waiting"]').first().waitFor({ timeout: 5_000 });
    expect(await panelFindings(panel)).toEqual([]);
  });
});
