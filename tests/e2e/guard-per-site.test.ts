import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChartSession, panelFindings, type ChartSession } from '../../scripts/panel.ts';

// Which buttons count as signing differs per EHR. The per-site exception set on the real options
// page must reach the page's submit guard: a button matching the site's pattern stops at
// chartlint's dialog while an error is open, a button that does not goes straight to the page,
// and the site's own on/off and severity choices decide whether the open error stops anything.
// attest.html has plain buttons (no form submission) whose page script logs every click it
// receives, and exactly one open error: "Attesting physician" is required and empty.
describe('per-site pre-submission check, set on the options page', () => {
  let session: ChartSession;
  let options: Page;
  let page: Page;
  let site: Locator;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/demo-ehr', 'attest.html');
    ({ chart: page } = session);
    // The guard has something to stop for: one error, nothing milder.
    expect((await panelFindings(session.panel)).map((f) => `${f.severity} ${f.rule}`)).toEqual(['error required-field-empty']);
    await session.panel.close();
    options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/src/options/index.html`);
    await options.getByRole('heading', { name: 'Pre-submission check' }).waitFor();
    site = options.getByTestId('guard-sites').locator('li', { hasText: new URL(session.site.url).origin });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** What the page's own script has done: the labels of the clicks that reached it. */
  const pageLog = () => page.locator('#action-log').textContent();

  const dialogShown = () => page.evaluate(() => document.querySelector('chartlint-layer') !== null && document.activeElement?.localName === 'chartlint-layer');

  /** Clicks the page's button and expects chartlint to hold it: the dialog, and nothing reached the page. "Go back" then. */
  async function expectStopped(label: string) {
    await page.bringToFront();
    const before = await pageLog();
    await page.getByRole('button', { name: label, exact: true }).click();
    await expect.poll(dialogShown).toBe(true);
    expect(await pageLog()).toBe(before);
    await page.keyboard.press('Enter'); // "Go back" has the focus
    await expect.poll(dialogShown).toBe(false);
    expect(await pageLog()).toBe(before);
  }

  /**
   * Clicks the page's button and expects it to reach the page's own handler. The guard holds a
   * click in the same capturing listener that would show the dialog, so a click the page saw is
   * one chartlint let through.
   */
  async function expectThrough(label: string) {
    await page.bringToFront();
    const before = (await pageLog()) ?? '';
    await page.getByRole('button', { name: label, exact: true }).click();
    await expect.poll(pageLog).toBe(before ? `${before}, ${label}` : label);
    expect(await dialogShown()).toBe(false);
  }

  /** Saves the pre-submission form; "Saved" shows once the worker has told the open page. */
  async function saveGuard() {
    const status = options.getByTestId('guard-status');
    // An edit clears the last "Saved", so the one awaited below is this save's.
    await expect.poll(() => status.count()).toBe(0);
    await options.getByRole('button', { name: 'Save pre-submission check' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Saved/);
  }

  it('by default, a "Submit" button is held and an "Attest" button is not', async () => {
    await expectThrough('Attest');
    await expectStopped('Submit');
    await expectThrough('Save draft');
  });

  it('a button pattern for this site only: "Attest" is held, "Submit" and "Save draft" go through', async () => {
    await options.bringToFront();
    await options.getByLabel('Site', { exact: true }).fill(`${session.site.url}attest.html`);
    await options.getByRole('button', { name: 'Add a site exception' }).click();
    // A new exception starts as "check off"; this one keeps the check and narrows the buttons.
    await site.getByLabel('check', { exact: true }).selectOption('default');
    await site.getByLabel('buttons', { exact: true }).fill(String.raw`^\s*attest\b`);
    await saveGuard();

    await expectStopped('Attest');
    await expectThrough('Submit');
    await expectThrough('Save draft');
  });

  it('the severities that stop: the site follows the page-wide choice unless it sets its own', async () => {
    await options.bringToFront();
    const severities = options.getByRole('group', { name: 'Findings that stop a submission' });
    await severities.getByLabel('error', { exact: true }).uncheck();
    await severities.getByLabel('warning', { exact: true }).check();
    await saveGuard();
    // Only an error is open, and this site now stops on warnings only.
    await expectThrough('Attest');

    await options.bringToFront();
    await site.getByLabel('stop on', { exact: true }).selectOption('error');
    await saveGuard();
    await expectStopped('Attest');
  });

  it('the check turned off for this site lets "Attest" through with the error still open', async () => {
    await expectStopped('Attest');
    await options.bringToFront();
    await site.getByLabel('check', { exact: true }).selectOption('off');
    await saveGuard();
    await expectThrough('Attest');
    expect(await page.locator('#att-physician').inputValue()).toBe('');
  });
});
