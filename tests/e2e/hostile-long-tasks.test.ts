import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelFor, panelSettled } from '../../scripts/panel.ts';
import { hostilePage } from '../unit/chart/hostile-pages.ts';
import { chartlintLongTasks, recordLongTasks, timelineOf } from './long-tasks.ts';

/**
 * The hostile pages of issue 15 in Chromium (generated here, never committed): chartlint reads
 * what its budget allows and says the read was partial, and no task of its own blocks the EHR
 * page for more than 50 ms. Its work is seen two ways: its own slices in the page's performance
 * timeline (`chartlint-read` measures), and the page's long tasks, attributed to chartlint's
 * scripts through long-animation-frame script timing where Chromium gives it.
 */

/**
 * Each page, and whether chartlint's read of it in the browser is partial. The 3 MB attribute
 * is a trap for happy-dom's parser only (the CLI cuts it, see html-budget.ts): Chromium parses
 * it at once, and the page is small enough to read whole in one short task. The others are
 * written out in slices and read off the page's main thread (page-markup.ts): the select is cut
 * to 500 choices on the way; the 100,000 spans (200,000 nodes) and 5,000 tables (150,000) are
 * past the readers' own budget of 120,000 nodes (walk.ts), so they are still read in part, now
 * for that reason rather than the in-page 2,500.
 */
const PAGES = [
  { name: 'attribute-3mb-of-gt', partial: false },
  { name: 'select-50000-options', partial: true },
  { name: 'spans-100000', partial: true },
  { name: 'tables-5000', partial: true },
] as const;

describe('hostile pages in Chromium: partial, and never a long task of chartlint’s', () => {
  let dir: string;
  let site: DemoServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chartlint-hostile-'));
    for (const { name } of PAGES) writeFileSync(join(dir, `${name}.html`), hostilePage(name).html());
    site = await serveFolder(dir);
    browser = await launchWithExtension();
    await browser.context.addInitScript(recordLongTasks);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Slices are timed by the wall clock: on a loaded 2-core machine a garbage collection or
  // another process can stretch one past 50 ms. A slice that is too long by design is too long
  // on every try; one stretched by chance is not, so a page is tried up to three times.
  it.each(PAGES)('$name', { timeout: 120_000, retry: 2 }, async ({ name, partial }) => {
    const chart = await browser.context.newPage();
    let panel: Page | undefined;
    try {
      await chart.goto(`${site.url}${name}.html`, { timeout: 60_000 });
      panel = await openPanelFor(browser, chart);
      await panelSettled(panel, 60_000);
      const shown = panel;
      const gaps = () => shown.locator('.coverage-gaps li').allTextContents();
      if (partial) {
        // The panel says the read was partial, and why.
        await expect.poll(gaps, { timeout: 20_000 }).toContainEqual(expect.stringMatching(/only part of it was read/));
        await panel.getByRole('tab', { name: 'Chart' }).click();
        await expect.poll(() => shown.locator('.chart-warnings li').allTextContents()).toContainEqual(expect.stringMatching(/^This page (is very large|took too long to read): only its first [\d,]+ nodes were read\b|^A list of 50,000 choices/));
      } else {
        expect(await gaps()).not.toContainEqual(expect.stringMatching(/only part of it was read/));
      }
      // A change on the page: read again, now with the readers warm.
      const reads = () => chart.evaluate(() => performance.getEntriesByName('chartlint-read').filter((e) => /^reading|^sending the page/.test(String((e as PerformanceMeasure).detail))).length);
      const before = await reads();
      await chart.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'A change' })));
      await expect.poll(reads, { timeout: 20_000 }).toBeGreaterThan(before);
      const timeline = await timelineOf(chart);
      expect(timeline.slices.length).toBeGreaterThan(0);
      // No slice over 50 ms; Chromium's own attribution, where it gives one: no script of the
      // extension ran that long; a long task that overlaps one of chartlint's slices is chartlint's.
      expect(chartlintLongTasks(timeline)).toEqual({ slices: [], scripts: [], overlapping: [] });
    } finally {
      await panel?.close();
      await chart.close();
    }
  });
});
