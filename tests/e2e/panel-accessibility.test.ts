import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChartSession, panelSettled, type ChartSession } from '../../scripts/panel.ts';

// axe-core on the side panel in each state a technician sees it in, in the light and the dark
// colour scheme. The panel's CSP (script-src 'self') refuses axe as an inline <script>
// (page.addScriptTag), so its source is evaluated through the DevTools protocol instead, which
// the page's CSP does not govern; the panel's own CSP stays as shipped.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const SCHEMES = ['light', 'dark'] as const;

/** Each violation as "rule-id: target, target, ...", in both colour schemes. */
async function violations(panel: Page): Promise<string[]> {
  if (!(await panel.evaluate(() => 'axe' in window))) await panel.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await panel.emulateMedia({ colorScheme });
    const results = await panel.evaluate(
      // `axe` is the global the evaluated source defines.
      (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      WCAG_AA,
    );
    for (const v of results.violations) found.push(`${colorScheme} ${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }
  await panel.emulateMedia({ colorScheme: 'light' });
  return found;
}

describe('side panel accessibility (axe-core, WCAG 2 A/AA) on the demo chart', () => {
  let session: ChartSession;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/demo-ehr', 'chart.html');
    ({ panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('axe is loaded and checks the panel (a control that breaks a rule is reported)', async () => {
    // The check must be able to fail: an unlabelled button added for the moment is found.
    await panel.evaluate(() => document.querySelector('.panel-body')!.append(Object.assign(document.createElement('button'), { id: 'axe-probe' })));
    expect((await violations(panel)).filter((v) => v.includes('#axe-probe'))).toEqual([expect.stringMatching(/^light button-name/), expect.stringMatching(/^dark button-name/)]);
    await panel.evaluate(() => document.getElementById('axe-probe')!.remove());
  });

  it('with findings', async () => {
    expect(await panel.locator('li.finding').count()).toBeGreaterThan(3);
    expect(await violations(panel), 'axe violations with the findings listed').toEqual([]);
  });

  it('with a finding expanded ("Why") and a code accepted onto the working list', async () => {
    const card = panel.locator('li.finding[data-rule="combination-code-presumed"]');
    await card.locator('summary').click();
    await card.locator('details.why[open] .citation').waitFor();
    await card.getByRole('button', { name: 'Accept I13.0' }).click();
    await panel.locator('.working-codes li[data-code="I13.0"]').waitFor();
    expect(await violations(panel), 'axe violations with a finding expanded').toEqual([]);
  });

  it('with the dismiss form open', async () => {
    const card = panel.locator('li.finding[data-rule="dictated-not-signed"]');
    await card.getByRole('button', { name: 'Dismiss…' }).click();
    await card.getByLabel('Other', { exact: true }).check();
    await card.getByRole('textbox', { name: 'Other reason' }).waitFor();
    expect(await violations(panel), 'axe violations with the dismiss form open').toEqual([]);
  });

  it('with a dismissed finding listed', async () => {
    const card = panel.locator('li.finding[data-rule="dictated-not-signed"]');
    await card.getByRole('textbox', { name: 'Other reason' }).fill('Signed on paper, scanned later');
    await card.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await panel.locator('.dismissed-group li.finding[data-rule="dictated-not-signed"]').waitFor();
    expect(await violations(panel), 'axe violations with the dismissed list').toEqual([]);
  });

  it('in the Chart view, reached and left with the arrow keys (ARIA tabs)', async () => {
    const findingsTab = panel.getByRole('tab', { name: 'Findings' });
    await findingsTab.focus();
    await panel.keyboard.press('ArrowRight');
    const chartTab = panel.getByRole('tab', { name: 'Chart', selected: true });
    await chartTab.waitFor();
    expect(await chartTab.evaluate((tab) => tab === document.activeElement)).toBe(true);
    await panel.getByRole('tabpanel', { name: 'Chart' }).locator('.chart-view').waitFor();
    expect(await violations(panel), 'axe violations in the Chart view').toEqual([]);
    await panel.keyboard.press('Home');
    await panel.getByRole('tab', { name: 'Findings', selected: true }).waitFor();
    await panelSettled(panel);
  });
});

describe('side panel accessibility with a query draft', () => {
  let session: ChartSession;
  let panel: Page;

  beforeAll(async () => {
    // Synthetic: an I50.9 the record cannot make more specific, so a query draft.
    session = await openChartSession('tests/fixtures/query', 'unspecified-heart-failure.html');
    ({ panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the draft and its Copy button without violations, copied or not', async () => {
    const card = panel.locator('li.finding[data-rule="query-unspecified-diagnosis"]');
    await card.locator('.query-draft').waitFor();
    expect(await violations(panel), 'axe violations with a query draft').toEqual([]);
    // After copying, the status line speaks.
    await card.getByRole('button', { name: 'Copy query' }).click();
    await card.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await violations(panel), 'axe violations after copying the query').toEqual([]);
  });
});
