import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChartSession, type ChartSession } from '../../scripts/panel.ts';

// A chart whose unspecified code the record cannot make more specific: the panel shows the
// query draft as its own block, as text, and copies it whole.
describe('query drafts in the panel', () => {
  let session: ChartSession;
  let chart: Page;
  let panel: Page;

  beforeAll(async () => {
    // Synthetic: I50.9 coded, with indicators in the record, one of which looks like markup.
    session = await openChartSession('tests/fixtures/query', 'unspecified-heart-failure.html');
    ({ chart, panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const card = () => panel.locator('li.finding[data-rule="query-unspecified-diagnosis"]');

  it('shows the draft under a "Query draft" heading, line by line, chart text as text', async () => {
    const draft = card().getByRole('region', { name: 'Query draft' });
    await draft.waitFor();
    const text = draft.locator('.query-text');
    const lines = (await text.innerText()).split('\n');
    expect(lines[0]).toBe('Documentation clarification: heart failure (type and acuity)');
    expect(lines).toContain('- "JVP elevated." (History and Physical, Physical examination)');
    expect(lines.at(-1)).toBe('[ ] Clinically undetermined');
    // The record's "<b>1,450</b>" is quoted as those characters, not made bold.
    expect(lines).toContain('- "BNP <b>1,450</b> pg/mL." (History and Physical, Results)');
    expect(await text.evaluate((el) => el.children.length)).toBe(0);
    expect(await text.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    // The draft is no longer repeated in the detail.
    expect(await card().locator('.finding-detail').count()).toBe(0);
  });

  it('puts the whole draft on the clipboard with "Copy query" and says so', async () => {
    // The panel's own (extension) origin cannot be granted clipboard-read, the chart's page can:
    // it reads back what the panel wrote to the browser's clipboard.
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.site.url).origin });
    await chart.bringToFront();
    await chart.evaluate(() => navigator.clipboard.writeText('before'));
    await panel.bringToFront();
    await card().getByRole('button', { name: 'Copy query' }).click();
    await card().getByRole('status').filter({ hasText: 'Copied the query draft.' }).waitFor();
    const shown = await card().locator('.query-text').textContent();
    expect(shown).toMatch(/^Documentation clarification: heart failure[^]*\n\[ \] Clinically undetermined$/);
    await chart.bringToFront();
    expect(await chart.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  });
});
