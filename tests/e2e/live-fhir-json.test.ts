import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelFor, panelFindings, panelSettled } from '../../scripts/panel.ts';

// A FHIR Bundle opened in a tab (a FHIR server's response, served as application/json):
// Chromium shows it as text in a <pre>; the fhir-json-view adapter reads it as FHIR.
describe('a FHIR JSON resource in a Chromium tab', () => {
  let site: DemoServer;
  let browser: ExtensionBrowser;
  let chart: Page;
  let panel: Page;

  beforeAll(async () => {
    site = await serveFolder(resolve('tests/fixtures/fhir'));
    browser = await launchWithExtension();
    chart = await browser.context.newPage();
    const response = await chart.goto(`${site.url}preliminary-note.json`);
    expect(response?.headers()['content-type']).toMatch(/^application\/json/);
    panel = await openPanelFor(browser, chart);
    await panelSettled(panel);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows the preliminary Composition as not signed', async () => {
    const findings = await panelFindings(panel);
    expect(findings.filter((f) => f.rule === 'document-unsigned').map((f) => f.message)).toEqual([
      expect.stringMatching(/^Progress Note - Hospital Day 3 by Lena Park, NP/),
    ]);
  });

  it('shows the patient and the fhir adapter in the Chart view', async () => {
    await panel.getByRole('tab', { name: 'Chart' }).click();
    await expect.poll(() => panel.locator('.chart-view').textContent()).toContain('Tam Nguyen');
    expect(await panel.locator('.chart-source').textContent()).toContain('fhir');
  });
});
