import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelForTab, openTabWithId, panelFindings, panelSettled } from '../../scripts/panel.ts';

/**
 * A site outside the manifest's host_permissions (127.0.0.1 and localhost), resolved by Chromium
 * to the loopback test server: no request leaves the machine, and no DNS is asked.
 */
const HOST = 'ehr.chartlint.test';
const PATTERN = `http://${HOST}/*`;

/**
 * Records in Chrome's own extension settings that the user allows chartlint on `pattern`, the
 * way "Site access → On specific sites → Add a site" on chrome://extensions does
 * (developerPrivate.addHostPermission). It turns nothing on: the extension still does not hold
 * the permission. It is here because headless Chromium cannot answer the permission prompt,
 * and Chrome skips that prompt for an origin the user already allowed (permissions_api.cc:
 * "We don't prompt for already-granted permissions"); the options page's own
 * `chrome.permissions.request` then resolves in the browser, unmocked, and everything after
 * the prompt (the grant, permissions.onAdded in the worker, the content-script registration)
 * is the real thing.
 */
async function allowInBrowserSettings(browser: ExtensionBrowser, pattern: string): Promise<void> {
  const settings = await browser.context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(
    ([id, host]) => (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }).developerPrivate.addHostPermission(id, host),
    [browser.extensionId, pattern] as const,
  );
  await settings.close();
}

// A site the user enables on the options page gets chartlint for real: before, the panel says
// the site is not enabled; after, a page there is read and its findings shown; after revoking,
// a page there is no longer read.
describe('enabling a site on the options page', () => {
  let demo: DemoServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let chartUrl: string;
  let chart: { page: Page; tabId: number };
  let panel: Page;

  /** What the worker itself holds: the permission, and the content script registered for the site. */
  const workerAccess = () =>
    browser.worker.evaluate(async (pattern) => ({
      granted: await chrome.permissions.contains({ origins: [pattern] }),
      scripts: (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []),
    }), PATTERN);

  /** What the panel shows once it has loaded: its state's words, or the findings it lists. */
  const panelShows = async (view: Page) => {
    const shown = view.locator('[data-state], li.finding').first();
    await shown.waitFor();
    return (await shown.getAttribute('data-state')) === null ? 'findings' : await shown.textContent();
  };
  const NOT_ENABLED = 'chartlint is not enabled on this site. Enable it from the options page to check charts here.';

  beforeAll(async () => {
    demo = await serveFolder(resolve('tests/fixtures/demo-ehr'));
    browser = await launchWithExtension({ extraArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
    chartUrl = `http://${HOST}:${new URL(demo.url).port}/chart.html`;
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByRole('heading', { name: 'Enabled sites' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('before the site is enabled, its chart is not read and the panel says so', async () => {
    chart = await openTabWithId(browser);
    await chart.page.goto(chartUrl);
    // The page itself is there: it is chartlint that is not.
    expect(await chart.page.title()).toBe('Demo EHR · Rivera, Maria L · Inpatient chart');
    panel = await openPanelForTab(browser, chart.tabId);
    expect(await panelShows(panel)).toBe(NOT_ENABLED);
    expect(await workerAccess()).toEqual({ granted: false, scripts: [] });
  });

  it('asks the browser for exactly that origin; the worker registers chartlint there and the panel shows the chart’s findings', async () => {
    await allowInBrowserSettings(browser, PATTERN);
    // Allowed in the browser's settings is not yet enabled: the options page still has to ask.
    expect(await workerAccess()).toEqual({ granted: false, scripts: [] });
    expect(await options.getByTestId('enabled-sites').locator('li').count()).toBe(0);

    await options.bringToFront();
    await options.getByLabel('Enable a site').fill(`${chartUrl}?patient=4820193`);
    await options.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => options.getByTestId('site-status').textContent()).toBe(`Enabled ${PATTERN}. Reload its pages to start checking them.`);
    await expect.poll(() => options.getByTestId('enabled-sites').textContent()).toContain(PATTERN);
    await expect.poll(workerAccess).toEqual({ granted: true, scripts: [PATTERN] });

    // "Reload its pages": the registered content script reads the page as it loads again.
    await chart.page.reload();
    await panelSettled(panel);
    const rules = (await panelFindings(panel)).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['document-unsigned', 'dictated-not-signed']));
  });

  it('after revoking on the options page, a page on that site is no longer read', async () => {
    await options.bringToFront();
    await options.getByTestId('enabled-sites').getByRole('button', { name: `Revoke ${PATTERN}` }).click();
    await expect.poll(() => options.getByTestId('site-status').textContent()).toBe(`chartlint no longer reads ${PATTERN}.`);
    await expect.poll(() => options.getByTestId('enabled-sites').locator('li').count()).toBe(0);
    await expect.poll(workerAccess).toEqual({ granted: false, scripts: [] });

    const again = await openTabWithId(browser);
    await again.page.goto(chartUrl);
    const againPanel = await openPanelForTab(browser, again.tabId);
    expect(await panelShows(againPanel)).toBe(NOT_ENABLED);
  });

  it('after revoking, reloading the tab that was read shows the site as not enabled, not its old findings', async () => {
    await chart.page.reload();
    await panel.reload();
    expect(await panelShows(panel)).toBe(NOT_ENABLED);
  });
});
