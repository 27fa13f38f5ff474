import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { openChartSession, panelFindings, tabIdOf, type ChartSession } from '../../scripts/panel.ts';

// The built extension (dist/, made by `npm run test:e2e`) in headless Debian Chromium, on
// the demo EHR served from 127.0.0.1: content script → service worker → side panel.
describe('chartlint in Chromium on the demo EHR', () => {
  let session: ChartSession;
  let browser: ExtensionBrowser;
  let chart: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/demo-ehr', 'chart.html');
    ({ browser, chart, panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the chart’s findings in the side panel, grouped by category', async () => {
    const findings = await panelFindings(panel);
    const rules = findings.map((f) => f.rule);
    expect(rules).toContain('document-unsigned');
    expect(rules).toContain('dictated-not-signed');
    expect(rules).toContain('patient-identifier-missing');
    expect(rules).toContain('required-field-empty');
    const unsigned = findings.filter((f) => f.rule === 'document-unsigned');
    expect(unsigned).toHaveLength(1);
    expect(unsigned[0]!.message).toMatch(/Progress Note/);
    await expect.poll(() => panel.locator('section.finding-group h2').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Authentication/), expect.stringMatching(/^Completeness/)]),
    );
    mkdirSync('test-results', { recursive: true });
    await panel.screenshot({ path: 'test-results/panel-demo-chart.png', fullPage: true });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: 'test-results/panel-demo-chart-dark.png', fullPage: true });
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it('sets the toolbar badge to the count of errors and warnings', async () => {
    const tabId = await tabIdOf(browser, chart);
    const findings = await panelFindings(panel);
    const expected = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
    const badge = await browser.worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe(String(expected));
  });

  it('updates the panel when the user signs the unsigned note', async () => {
    await chart.getByRole('button', { name: 'Sign note' }).click();
    await expect
      .poll(async () => (await panelFindings(panel)).filter((f) => f.rule === 'document-unsigned').length, { timeout: 3_000 })
      .toBe(0);
    const tabId = await tabIdOf(browser, chart);
    const findings = await panelFindings(panel);
    const expected = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
    await expect.poll(() => browser.worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(expected));
  });

  it('shows what it read in the Chart view', async () => {
    await panel.getByRole('tab', { name: 'Chart' }).click();
    const text = await panel.locator('.chart-view').textContent();
    expect(text).toContain('Rivera, Maria L');
    expect(text).toContain('4820193');
    expect(text).toContain('Cardiology Consultation');
  });
});
