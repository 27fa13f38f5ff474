import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChartSession, panelFindings, type ChartSession } from '../../scripts/panel.ts';

// An EHR built from web components: the banner, the note list and each note render into open
// shadow roots (a note's shadow root sits inside the list's), which the reader walks.
describe('a web-components chart in Chromium', () => {
  let session: ChartSession;
  let chart: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/live', 'components-chart.html', { viewport: { width: 1000, height: 600 } });
    ({ chart, panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  // The signature line inside the unsigned note's shadow root (two shadow roots deep).
  const signatureInView = () =>
    chart.evaluate(() => {
      const note = document.querySelector('ehr-note-list')!.shadowRoot!.querySelector('#note-802')!;
      const rect = note.shadowRoot!.querySelector('.signature')!.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    });

  it('reads the notes and the banner inside the shadow roots', async () => {
    await expect
      .poll(async () => (await panelFindings(panel)).filter((f) => f.rule === 'document-unsigned').map((f) => f.message))
      .toEqual([expect.stringMatching(/^Progress Note by Lucia Ferreira/)]);
    expect((await panelFindings(panel)).map((f) => f.rule)).not.toContain('patient-identifier-missing');
    await panel.getByRole('tab', { name: 'Chart' }).click();
    await expect.poll(() => panel.locator('.chart-view').textContent()).toContain('Haugen, Sigrid');
    expect(await panel.locator('.chart-view').textContent()).toContain('MW-204417');
    await panel.getByRole('tab', { name: 'Findings' }).click();
  });

  it('jumps to a signature line inside a shadow root', async () => {
    expect(await signatureInView()).toBe(false);
    const finding = panel.locator('li.finding[data-rule="document-unsigned"]');
    await finding.locator('.evidence-link', { hasText: 'Pending signature' }).first().click();
    await expect.poll(signatureInView).toBe(true);
    expect(await chart.evaluate(() => document.querySelectorAll('chartlint-layer').length)).toBe(1);
  });
});
