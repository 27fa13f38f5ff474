import type { Page, Response } from 'playwright-core';
import { resolve } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { serveFolder, type DemoServer } from './demo-server.ts';

/** The browser's id for the tab showing `page`, asked of the extension's service worker. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const ids = await browser.worker.evaluate(async (wanted: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.filter((tab) => tab.url === wanted).map((tab) => tab.id);
  }, url);
  const id = ids[0];
  if (id === undefined || id === null) throw new Error(`No tab found for ${url}`);
  return id;
}

/**
 * Opens the side panel's page in a tab of its own, bound to the chart's tab. (The real side
 * panel opens only on a user gesture and is not a Playwright page; its page is the same.)
 */
export async function openPanelFor(browser: ExtensionBrowser, chart: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, chart);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/src/sidepanel/index.html?tab=${tabId}`);
  return panel;
}

/**
 * A new tab and the browser's id for it, found by which tab appeared rather than by its URL:
 * the worker sees the URL only of tabs on sites chartlint may read, so this also works for a
 * page on a site that is not (yet) enabled.
 */
export async function openTabWithId(browser: ExtensionBrowser): Promise<{ page: Page; tabId: number }> {
  const tabIds = () => browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id));
  const before = new Set(await tabIds());
  const page = await browser.context.newPage();
  const added = (await tabIds()).filter((id): id is number => typeof id === 'number' && !before.has(id));
  const tabId = added[0];
  if (added.length !== 1 || tabId === undefined) throw new Error(`Expected one new tab, found ${added.length}`);
  return { page, tabId };
}

/** The side panel's page in a tab of its own, bound to the tab with this id (see openPanelFor). */
export async function openPanelForTab(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/src/sidepanel/index.html?tab=${tabId}`);
  return panel;
}

export interface PanelFinding {
  rule: string;
  severity: string;
  message: string;
}

/** The findings the panel shows, read from its DOM. */
export async function panelFindings(panel: Page): Promise<PanelFinding[]> {
  return panel.locator('li.finding').evaluateAll((items) =>
    items.map((item) => ({
      rule: item.getAttribute('data-rule') ?? '',
      severity: item.getAttribute('data-severity') ?? '',
      message: item.querySelector('.message-text')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    })),
  );
}

/** Resolves once the panel shows findings, or says the chart is all clear or was read incompletely. */
export async function panelSettled(panel: Page, timeout = 15_000): Promise<void> {
  await panel.locator('li.finding, [data-state="all-clear"], [data-state="incomplete-read"]').first().waitFor({ timeout });
}

/** A fixture site, Chromium with chartlint, one chart page and its panel: what most e2e tests start from. */
export interface ChartSession {
  site: DemoServer;
  browser: ExtensionBrowser;
  chart: Page;
  /** The server's answer to the chart's navigation, so a test can check how the page was served (its content type). */
  response: Response | null;
  panel: Page;
  close(): Promise<void>;
}

/**
 * Serves `folder`, opens `path` in Chromium with chartlint and waits until the panel shows the chart.
 * `path` is put after the site's URL as given: percent-encode it where it needs to be.
 */
export async function openChartSession(folder: string, path: string, opts: { viewport?: { width: number; height: number } } = {}): Promise<ChartSession> {
  const site = await serveFolder(resolve(folder));
  const browser = await launchWithExtension().catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  const close = async () => {
    await browser.close();
    await site.close();
  };
  // A session that fails to open returns nothing for the test to close: close it here, or Chromium and the server outlive the test.
  try {
    const chart = await browser.context.newPage();
    if (opts.viewport) await chart.setViewportSize(opts.viewport);
    const response = await chart.goto(`${site.url}${path}`);
    const panel = await openPanelFor(browser, chart);
    await panelSettled(panel);
    return { site, browser, chart, response, panel, close };
  } catch (error) {
    await close();
    throw error;
  }
}
