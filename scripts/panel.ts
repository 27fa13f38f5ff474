import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';

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

/** Resolves once the panel shows findings, or says the chart is all clear. */
export async function panelSettled(panel: Page, timeout = 15_000): Promise<void> {
  await panel.locator('li.finding, [data-state="all-clear"]').first().waitFor({ timeout });
}
