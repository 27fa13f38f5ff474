import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelFor, panelFindings, panelSettled } from '../../scripts/panel.ts';

// A hostile legacy page: 50,000 table cells, 4,000-deep nesting, script-like text in a note,
// a cross-origin frame that never loads, its own script that throws, and built-ins
// (Array.prototype, JSON) and the extension globals (`chrome`, `browser`) replaced by the page.
// chartlint must read what it can, say what it could not, and never break the page.
describe('a hostile page in Chromium', () => {
  let site: DemoServer;
  let browser: ExtensionBrowser;
  let chart: Page;
  let panel: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    site = await serveFolder(resolve('tests/fixtures/live'));
    browser = await launchWithExtension();
    chart = await browser.context.newPage();
    chart.on('pageerror', (error) => pageErrors.push(error.message));
    await chart.goto(`${site.url}hostile.html`);
    panel = await openPanelFor(browser, chart);
    await panelSettled(panel, 20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('finds the unsigned note despite the page', async () => {
    await expect
      .poll(async () => (await panelFindings(panel)).filter((f) => f.rule === 'document-unsigned').map((f) => f.message))
      .toEqual([expect.stringMatching(/^Progress Note by Rafael Mendes/)]);
  });

  it('shows a partial snapshot with warnings in the Chart view', async () => {
    await panel.getByRole('tab', { name: 'Chart' }).click();
    await expect.poll(() => panel.locator('.chart-view').textContent()).toContain('Delacroix, Amelie');
    const warnings = await panel.locator('.chart-warnings li').allTextContents();
    expect(warnings).toContainEqual(expect.stringMatching(/Frame "lab-feed" could not be read/));
    // Script-like text is shown as text, never run or rendered as markup in the panel.
    expect(await panel.evaluate(() => document.querySelectorAll('img, script:not([src])').length)).toBe(0);
    await panel.getByRole('tab', { name: 'Findings' }).click();
  });

  it('leaves the page working: its button, its globals, and no error of chartlint’s reaches it', async () => {
    await chart.click('#save-vitals');
    await expect.poll(() => chart.locator('#vitals-status').textContent()).toBe('saved at bedside ("hijacked")');
    expect(await chart.evaluate(() => typeof (window as unknown as { chrome: { runtime: { sendMessage: unknown } } }).chrome.runtime.sendMessage)).toBe('function');
    expect(await chart.evaluate(() => (window as unknown as { __mapCalls?: number }).__mapCalls ?? 0)).toBeGreaterThan(0);
    // chartlint's layer is the only element it adds, and only once asked to highlight.
    expect(await chart.evaluate(() => document.querySelectorAll('chartlint-layer').length)).toBe(0);
    expect(pageErrors).toEqual(['legacy widget failed to initialise']);
  });

  it('jumps to the evidence on the large page', async () => {
    await panel.locator('li.finding[data-rule="document-unsigned"] .evidence-link', { hasText: 'Pending signature' }).first().click();
    await expect.poll(() => chart.evaluate(() => document.querySelectorAll('chartlint-layer').length)).toBe(1);
    expect(pageErrors).toEqual(['legacy widget failed to initialise']);
  });
});
