import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelFor, panelSettled } from '../../scripts/panel.ts';

// The pre-submission check: while error findings are open, a submission stops at chartlint's
// dialog. "Go back" loses nothing; "Submit anyway" (with a reason) lets the very same
// submission through, to the page's own script or as a plain POST. The dialog lives in a
// closed shadow root, so the test drives it the way a keyboard user does.
describe('pre-submission check', () => {
  let demo: DemoServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    demo = await serveFolder(resolve('tests/fixtures/demo-ehr'));
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function openChart(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}${path}`);
    // Wait until the worker has evaluated the chart (the panel shows it).
    const panel = await openPanelFor(browser, page);
    await panelSettled(panel);
    await panel.close();
    await page.bringToFront();
    return page;
  }

  const dialogShown = (page: Page) => page.evaluate(() => document.querySelector('chartlint-layer') !== null && document.activeElement?.localName === 'chartlint-layer');

  async function submitAnyway(page: Page, reason: string) {
    await page.keyboard.press('Shift+Tab'); // from "Go back" to "Submit anyway…"
    await page.keyboard.press('Enter'); // reveals the reason box and focuses it
    await page.keyboard.type(reason);
    await page.keyboard.press('Tab'); // to "Submit with this reason"
    await page.keyboard.press('Enter');
  }

  it('stops a script-handled form, and "Go back" keeps everything typed', async () => {
    const page = await openChart('chart.html');
    // Past the browser's own required-field check; other errors (unsigned notes) stay open.
    await page.locator('#dx-admitting').fill('I50.23');
    await page.locator('#disposition').selectOption('01');
    await page.locator('#dx-secondary').fill('E11.22, N18.31, I10, Z79.4');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => dialogShown(page)).toBe(true);
    await page.screenshot({ path: 'test-results/submit-guard-dialog.png' });
    await page.keyboard.press('Enter'); // "Go back" has the focus
    await expect.poll(() => dialogShown(page)).toBe(false);
    expect(await page.locator('#form-result').textContent()).toBe('');
    expect(await page.locator('#dx-secondary').inputValue()).toBe('E11.22, N18.31, I10, Z79.4');
    await page.close();
  });

  it('lets "Submit anyway" through to the page’s own handler with the same data, and audits it', async () => {
    const page = await openChart('chart.html');
    await page.locator('#dx-admitting').fill('I50.23');
    await page.locator('#disposition').selectOption('01');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => dialogShown(page)).toBe(true);
    await submitAnyway(page, 'Attending out until Monday; billing hold approved');
    await expect.poll(() => page.locator('#form-result').textContent()).toBe('Submitted to the billing queue: principal I50.23, disposition 01.');
    const audit = await browser.worker.evaluate(
      () =>
        new Promise<unknown[]>((done, fail) => {
          const open = indexedDB.open('chartlint');
          open.onerror = () => fail(new Error(String(open.error)));
          open.onsuccess = () => {
            const read = open.result.transaction('audit').objectStore('audit').getAll();
            read.onsuccess = () => done(read.result as unknown[]);
          };
        }),
    );
    const submitted = (audit as { action: string; detail?: { reason?: string; rules?: string[] } }[]).filter((a) => a.action === 'submitted-despite-errors');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.detail?.reason).toBe('Attending out until Monday; billing hold approved');
    expect(submitted[0]!.detail?.rules).toContain('document-unsigned');
    await page.close();
  });

  it('lets "Submit anyway" post a plain form exactly as the browser would have', async () => {
    const page = await openChart('abstract.html');
    await page.locator('#abs-procedure').fill('5A1955Z');
    await page.getByRole('button', { name: 'Submit abstract' }).click();
    await expect.poll(() => dialogShown(page)).toBe(true);
    await submitAnyway(page, 'Coder initials captured in the abstracting system');
    await page.waitForURL(/\/abstract$/);
    expect(await page.locator('#received').textContent()).toBe('principal=I50.23&procedure=5A1955Z&coder=&action=final');
    await page.close();
  });

  it('does not stand in the way when no error is open', async () => {
    const page = await openChart('abstract.html');
    await page.locator('#abs-coder').fill('JD');
    // Filling the required field clears the only error; give the worker a moment to hear of it.
    await expect
      .poll(async () => {
        if (page.url().endsWith('/abstract')) return 'posted';
        await page.getByRole('button', { name: 'Submit abstract' }).click();
        if (await dialogShown(page)) await page.keyboard.press('Escape');
        return page.url().endsWith('/abstract') ? 'posted' : 'stopped';
      }, { timeout: 5_000 })
      .toBe('posted');
    expect(await page.locator('#received').textContent()).toBe('principal=I50.23&procedure=&coder=JD&action=final');
    await page.close();
  });
});
