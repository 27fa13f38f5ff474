import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelFor, panelSettled } from '../../scripts/panel.ts';

// Every page of the reading corpus (EHR styles nobody wrote an adapter for) in the built
// extension: the panel always says what it read, and says "All clear" only where the read was
// complete. An empty findings list on a page read in part must never look like a clean chart.
const PAGES = readdirSync('tests/corpus/pages').filter((f) => f.endsWith('.html')).sort();

describe('coverage in the panel on every corpus page', () => {
  let site: DemoServer;
  let browser: ExtensionBrowser;
  let chart: Page;

  beforeAll(async () => {
    site = await serveFolder(resolve('tests/corpus/pages'));
    browser = await launchWithExtension();
    chart = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has the corpus', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(16);
  });

  it.each(PAGES)('%s: shows what was read, and no "All clear" unless the read was complete', async (name) => {
    await chart.goto(`${site.url}${name}`);
    const panel = await openPanelFor(browser, chart);
    try {
      await panelSettled(panel);
      const coverage = panel.locator('[data-coverage]');
      await coverage.waitFor();
      const complete = (await coverage.getAttribute('data-coverage')) === 'complete';
      expect(await panel.locator('.coverage-summary').textContent()).toMatch(/^Read \d+ documents?/);
      if (!complete) {
        expect(await panel.locator('[data-state="all-clear"]').count()).toBe(0);
        // What was not read is listed, so the user knows where to look (or what to teach).
        await panel.locator('.coverage-gaps summary').click();
        expect(await panel.locator('.coverage-gaps li').count()).toBeGreaterThan(0);
      }
    } finally {
      await panel.close();
    }
  });
});
