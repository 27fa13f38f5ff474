import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChartSession, panelFindings, type ChartSession } from '../../scripts/panel.ts';

// A FHIR Bundle opened in a tab (a FHIR server's response, served as application/json):
// Chromium shows it as text in a <pre>; the fhir-json-view adapter reads it as FHIR.
describe('a FHIR JSON resource in a Chromium tab', () => {
  let session: ChartSession;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/fhir', 'preliminary-note.json');
    ({ panel } = session);
    expect(session.response?.headers()['content-type']).toMatch(/^application\/json/);
  });
  afterAll(async () => {
    await session?.close();
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
