import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelFor, panelFindings, panelSettled } from '../../scripts/panel.ts';

// An older frame-based EHR: the patient banner in the top page, the notes in a content frame.
// The content script runs in every frame; the worker merges the frames into one chart.
describe('a frame-based chart in Chromium', () => {
  let site: DemoServer;
  let browser: ExtensionBrowser;
  let chart: Page;
  let panel: Page;
  const notesFrame = (): Frame => chart.frame({ name: 'content' })!;

  beforeAll(async () => {
    site = await serveFolder(resolve('tests/fixtures/live'));
    browser = await launchWithExtension();
    chart = await browser.context.newPage();
    await chart.setViewportSize({ width: 1000, height: 600 });
    await chart.goto(`${site.url}frames-chart.html`);
    await notesFrame().waitForSelector('#progress-sig');
    panel = await openPanelFor(browser, chart);
    await panelSettled(panel);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows the unsigned note from the content frame once, and no patient-identifier finding', async () => {
    await expect
      .poll(async () => (await panelFindings(panel)).filter((f) => f.rule === 'document-unsigned').map((f) => f.message))
      .toEqual([expect.stringMatching(/^Progress Note by Farah Haddad/)]);
    expect((await panelFindings(panel)).map((f) => f.rule)).not.toContain('patient-identifier-missing');
  });

  it('reads the srcdoc frame too, once', async () => {
    await expect
      .poll(async () => (await panelFindings(panel)).filter((f) => f.rule === 'dictated-not-signed').map((f) => f.message))
      .toEqual([expect.stringMatching(/Infectious Disease Consultation/)]);
  });

  it('shows the patient from the top frame in the Chart view', async () => {
    await panel.getByRole('tab', { name: 'Chart' }).click();
    await expect.poll(() => panel.locator('.chart-view').textContent()).toContain('Okonkwo, Adaeze');
    const text = await panel.locator('.chart-view').textContent();
    expect(text).toContain('LK-550912');
    expect(text).toContain('History and Physical');
    await panel.getByRole('tab', { name: 'Findings' }).click();
  });

  it('jumps to the evidence inside the content frame', async () => {
    const inView = () =>
      notesFrame().evaluate(() => {
        const rect = document.querySelector('#progress-sig')!.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      });
    expect(await inView()).toBe(false);
    const finding = panel.locator('li.finding[data-rule="document-unsigned"]');
    await finding.locator('.evidence-link', { hasText: 'Pending signature' }).first().click();
    await expect.poll(inView).toBe(true);
    // The box is drawn in the frame that holds the element, not over the top page.
    expect(await notesFrame().evaluate(() => document.querySelectorAll('chartlint-layer').length)).toBe(1);
    expect(await chart.evaluate(() => document.querySelectorAll('chartlint-layer').length)).toBe(0);
  });

  it('after a reload, still shows the note once (frame ids change with the new page)', async () => {
    await chart.reload();
    await notesFrame().waitForSelector('#progress-sig');
    await panel.reload();
    await panelSettled(panel);
    // Give every frame time to report; the count must settle at one.
    await new Promise((done) => setTimeout(done, 1_500));
    expect((await panelFindings(panel)).filter((f) => f.rule === 'document-unsigned')).toHaveLength(1);
    expect((await panelFindings(panel)).filter((f) => f.rule === 'dictated-not-signed')).toHaveLength(1);
  });

  it('follows the content frame to another page chosen in the navigation frame', async () => {
    await chart.frame({ name: 'nav' })!.click('a[href="frames-results.html"]');
    await expect
      .poll(async () => (await panelFindings(panel)).filter((f) => f.rule === 'document-unsigned').map((f) => f.message), { timeout: 3_000 })
      .toEqual([expect.stringMatching(/^Discharge Summary by Farah Haddad/)]);
  });
});
