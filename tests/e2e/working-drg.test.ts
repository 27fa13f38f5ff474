import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChartSession, type ChartSession } from '../../scripts/panel.ts';
import { hasGrouperTables } from '../../src/grouper/load-node.ts';

// The build carries the grouper tables when ../shared/codesets has them (scripts/build-grouper-tables.ts).
const withTables = hasGrouperTables(resolve('../shared/codesets'));

// The working MS-DRG in the panel, on the second demo chart (pneumonia.html): a pneumonia whose
// notes document acute respiratory failure with hypoxia (J96.01, an MCC) that the coding form
// does not report yet.
describe.skipIf(!withTables)('working MS-DRG in the panel', () => {
  let session: ChartSession;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/demo-ehr', 'pneumonia.html');
    ({ panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const shownDrg = () => panel.locator('.working-drg').getAttribute('data-drg');

  it('shows the chart’s DRG with its title, MDC, severity and the demographics it used', async () => {
    await expect.poll(shownDrg).toBe('195');
    const box = panel.locator('.working-drg');
    expect(await box.locator('.drg-current').textContent()).toContain('DRG 195 Simple Pneumonia and Pleurisy without CC/MCC');
    const facts = (await box.locator('.drg-facts').textContent()) ?? '';
    expect(facts).toContain('MDC 4 Diseases and Disorders of the Respiratory System');
    expect(facts).toContain('severity used: no CC/MCC');
    expect(await box.locator('.drg-claim').textContent()).toContain('From J18.9 and 2 secondary diagnoses; age 77, male, discharge status 01.');
    expect(await box.locator('.drg-weights').textContent()).toContain('No relative weights imported');
  });

  it('names, in the what-if, the DRG the suggested MCC and the query answers would give', async () => {
    const mcc = panel.locator('.what-if-line[data-code="J96.01"]');
    expect(await mcc.textContent()).toMatch(/Add J96\.01 \(MCC\) → DRG 193 Simple Pneumonia and Pleurisy with MCC/);
    const query = panel.locator('.what-if-line[data-rule="query-unspecified-diagnosis"][data-code="I50.9"]');
    expect(await query.textContent()).toMatch(/DRG 193 .*I50\.23/);
  });

  it('moves to the DRG of the MCC once the coder accepts it', async () => {
    await panel.getByRole('button', { name: 'Accept J96.01' }).click();
    await expect.poll(shownDrg).toBe('193');
    expect(await panel.locator('.working-drg .drg-current').textContent()).toContain('Simple Pneumonia and Pleurisy with MCC');
    expect(await panel.locator('.working-drg .drg-facts').textContent()).toContain('severity used: MCC');
    // Accepted, it is on the claim: no longer a what-if.
    expect(await panel.locator('.what-if-line[data-code="J96.01"]').count()).toBe(0);
  });

  it('shows weight and payment deltas once a Table 5 CSV and a base rate are imported on the options page', async () => {
    const { browser } = session;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    const csv = ['MS-DRG,MDC,TYPE,MS-DRG Title,Weights', '193,04,MED,"SIMPLE PNEUMONIA AND PLEURISY WITH MCC",1.3000', '194,04,MED,"SIMPLE PNEUMONIA AND PLEURISY WITH CC",0.9000', '195,04,MED,"SIMPLE PNEUMONIA AND PLEURISY WITHOUT CC/MCC",0.7000'].join('\n');
    await options.locator('#table5-file').setInputFiles({ name: 'table5.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await options.getByRole('button', { name: 'Import weights' }).click();
    expect(await options.getByTestId('weights-status').textContent()).toContain('Imported table5.csv: 3 DRG weights');
    await options.locator('#table5-rate').fill('6500');
    await options.getByRole('button', { name: 'Save base rate' }).click();
    await expect.poll(() => options.getByTestId('weights-status').textContent()).toContain('Base rate $6,500 saved');

    await panel.getByRole('button', { name: 'Remove J96.01' }).click();
    await expect.poll(shownDrg).toBe('195');
    await expect.poll(() => panel.locator('.working-drg .drg-current').textContent()).toContain('weight 0.7000');
    expect(await panel.locator('.what-if-line[data-code="J96.01"]').textContent()).toContain('DRG 193 Simple Pneumonia and Pleurisy with MCC (weight +0.6000, +$3,900)');

    // A broken file is refused with the row named, and the weights in use stay.
    await options.locator('#table5-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('MS-DRG,Weights\n193,heavy\n') });
    await options.getByRole('button', { name: 'Import weights' }).click();
    await expect.poll(() => options.getByTestId('weights-status').textContent()).toContain('row 2: the weight of DRG 193, "heavy", is not a positive number');
    expect(await options.getByTestId('weights-current').textContent()).toContain('table5.csv');
    await options.close();
  });
});

describe.skipIf(withTables)('working MS-DRG in a build without the grouper tables', () => {
  it('says the DRG is unavailable, and why, beside the findings', async () => {
    const session = await openChartSession('tests/fixtures/demo-ehr', 'pneumonia.html');
    try {
      expect(await session.panel.locator('.working-drg .drg-unavailable').textContent()).toMatch(/^The DRG is unavailable: the MS-DRG and MCE tables .* were not found/);
      expect(await session.panel.locator('li.finding').count()).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});
