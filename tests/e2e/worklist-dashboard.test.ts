import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelFor, panelSettled } from '../../scripts/panel.ts';

// Issue 14's "done when": review three demo charts, dismiss a finding with a reason, draft a
// query, accept a code; the worklist lists the charts with their open deficiencies, and the
// dashboard's plots, tables and CSV show the counts, each worked out here from what the panels
// showed, not from the extension's own tabulation.

const CHARTS = ['demo-ehr/chart.html', 'demo-ehr/pneumonia.html', 'query/unspecified-heart-failure.html'];
const DAY_MS = 86_400_000;

/** Every rule's category, from the rule files (the panel shows the rule, not its category). */
function ruleCategories(): Map<string, string> {
  const categories = new Map<string, string>();
  for (const pack of readdirSync('rules', { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'adapters')) {
    for (const name of readdirSync(join('rules', pack.name)).filter((n) => n.endsWith('.json') && !n.endsWith('.cases.json') && n !== 'pack.json')) {
      const rule = JSON.parse(readFileSync(join('rules', pack.name, name), 'utf8')) as { id: string; category: string };
      categories.set(rule.id, rule.category);
    }
  }
  return categories;
}

// axe through the DevTools protocol, as in panel-accessibility.test.ts: the pages' CSP refuses it inline.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await page.evaluate(
      (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      WCAG_AA,
    );
    for (const v of results.violations) found.push(`${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

interface Shown {
  rule: string;
  severity: string;
  fingerprint: string;
  dismissed: boolean;
}

async function shownFindings(panel: Page): Promise<Shown[]> {
  return panel.locator('li.finding').evaluateAll((items) =>
    items.map((item) => ({
      rule: item.getAttribute('data-rule') ?? '',
      severity: item.getAttribute('data-severity') ?? '',
      fingerprint: item.getAttribute('data-fingerprint') ?? '',
      dismissed: item.closest('.dismissed-group') !== null,
    })),
  );
}

/** A table's header and body as text, as the page shows them. */
async function tableOf(section: ReturnType<Page['locator']>): Promise<{ columns: string[]; rows: string[][] }> {
  return section.locator('table.data-table').evaluate((table) => ({
    columns: [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? ''),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
  }));
}

const csvOf = (rows: string[][]) => rows.map((row) => `${row.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')}\r\n`).join('');

/**
 * The pages read the record when they open; the worker writes a chart's review a moment after
 * its reading (at most one write per chart in two seconds). Reloads until `read` gives `expected`.
 */
async function reloadUntil<T>(page: Page, ready: string, read: () => Promise<T>, expected: T): Promise<void> {
  await expect
    .poll(async () => {
      await page.reload();
      await page.locator(ready).first().waitFor();
      return read();
    }, { timeout: 20_000 })
    .toEqual(expected);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('the worklist and the dashboard after a review session', () => {
  let site: DemoServer;
  let browser: ExtensionBrowser;
  const panels: Page[] = [];
  const categories = ruleCategories();
  let work: string;
  const emptyStates: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'chartlint-review-'));
    site = await serveFolder(resolve('tests/fixtures'));
    browser = await launchWithExtension();
    // Before any chart is reviewed: what the pages say to do.
    for (const path of ['src/worklist/index.html', 'src/dashboard/index.html']) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      const empty = page.locator('[data-state="empty"]').first();
      await empty.waitFor();
      emptyStates.push((await empty.textContent()) ?? '');
      await page.close();
    }
    for (const path of CHARTS) {
      const chart = await browser.context.newPage();
      await chart.goto(`${site.url}${path}`);
      const panel = await openPanelFor(browser, chart);
      await panelSettled(panel);
      panels.push(panel);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const extensionPage = async (path: string) => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return page;
  };
  /** What the panels show once the session is done: the numbers every check below is worked out from. */
  const allShown = async () => (await Promise.all(panels.map(shownFindings))).map((findings, chart) => findings.map((f) => ({ ...f, chart })));
  const openDeficiencies = (shown: (Shown & { chart: number })[]) => shown.filter((f) => !f.dismissed && f.severity !== 'info');

  let capturedLevel = '';
  /** Days since discharge of each listed chart, worked out from its discharge date (null: none). */
  let dischargeDays: (number | null)[] = [];

  it('said what to do while nothing was reviewed', () => {
    expect(emptyStates[0]).toMatch(/Review charts in the EHR with the chartlint panel open, or import a batch run/);
    expect(emptyStates[1]).toMatch(/Review charts in the EHR with the panel open, or import a batch run below/);
  });

  it('dismisses a finding with a reason, drafts a query and accepts a code in the panels', async () => {
    const [first, , third] = panels as [Page, Page, Page];
    const card = first.locator('li.finding[data-rule="dictated-not-signed"]');
    await card.getByRole('button', { name: 'Dismiss…' }).click();
    await card.getByLabel('Already addressed elsewhere in the record').check();
    await card.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await first.locator('.dismissed-group li.finding[data-rule="dictated-not-signed"]').waitFor();

    const combination = first.locator('li.finding[data-rule="combination-code-presumed"]');
    capturedLevel = (await combination.locator('.code-severity').first().textContent()) ?? '';
    expect(capturedLevel).toMatch(/\bM?CC\b/); // I13.0 is a CC: accepting it is a capture
    await combination.getByRole('button', { name: 'Accept I13.0' }).click();
    await combination.locator('.accepted').waitFor();

    // The clipboard is the browser's; what matters here is that copying the draft notes the query.
    await third.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.resolve();
    });
    const query = third.locator('li.finding[data-rule="query-unspecified-diagnosis"]').first();
    await query.getByRole('button', { name: 'Copy query' }).click();
    await query.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  });

  it('opens the worklist from the panel, listing each chart with its open deficiencies by type', async () => {
    const shown = await allShown();
    const open = openDeficiencies(shown.flat());
    const [first] = panels as [Page];
    const opened = browser.context.waitForEvent('page');
    await first.getByRole('link', { name: 'Worklist' }).click();
    const worklist = await opened;
    await worklist.waitForLoadState();
    expect(new URL(worklist.url()).pathname).toBe('/src/worklist/index.html');

    const rows = worklist.locator('table.worklist tbody tr');
    const charts = [...new Set(open.map((f) => f.chart))];
    const openCounts = async () => (await worklist.locator('[data-column="openCount"]').allTextContents()).map(Number).sort((a, b) => a - b);
    await reloadUntil(worklist, 'table.worklist, [data-state="empty"]', openCounts, charts.map((chart) => open.filter((f) => f.chart === chart).length).sort((a, b) => a - b));
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        open: Number(tr.querySelector('[data-column="openCount"]')?.textContent),
        types: [...tr.querySelectorAll('[data-type]')].map((li) => li.textContent?.trim() ?? '').sort(),
        discharged: tr.querySelector('time')?.getAttribute('datetime') ?? null,
        days: tr.querySelector('[data-column="daysSinceDischarge"]')?.textContent ?? '',
        delinquent: tr.classList.contains('delinquent'),
      })),
    );
    const expected = charts.map((chart) => {
      const mine = open.filter((f) => f.chart === chart);
      return { open: mine.length, types: [...countBy(mine, (f) => categories.get(f.rule)!)].map(([type, n]) => `${type}: ${n}`).sort() };
    });
    expect(listed.map(({ open: n, types }) => ({ open: n, types })).sort((a, b) => a.open - b.open)).toEqual(expected.sort((a, b) => a.open - b.open));

    // Each row opens its chart's page.
    const links = await rows.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.sort()).toEqual(charts.map((chart) => `${site.url}${CHARTS[chart]}`).sort());

    // Delinquent past 30 days after discharge (the default), and said so in words.
    dischargeDays = listed.map((row) => (row.discharged ? Math.floor((Date.now() - Date.parse(row.discharged)) / DAY_MS) : null));
    for (const [i, row] of listed.entries()) {
      const days = dischargeDays[i]!;
      if (days !== null) expect(row.days).toMatch(new RegExp(`^${days}`));
      expect(row.delinquent).toBe(days !== null && days > 30);
      if (row.delinquent) expect(row.days).toContain('Delinquent');
    }

    // Filter by type: only the charts with an open deficiency of that category.
    const authentication = new Set(open.filter((f) => categories.get(f.rule) === 'authentication').map((f) => f.chart));
    await worklist.getByLabel('Deficiency type').selectOption('authentication');
    await expect.poll(() => rows.count()).toBe(authentication.size);
    await worklist.getByLabel('Deficiency type').selectOption('');
    // Sort by open deficiencies: the header says how the table is sorted.
    const header = worklist.locator('th', { has: worklist.getByRole('button', { name: 'Open deficiencies' }) });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const counts = await worklist.locator('[data-column="openCount"]').allTextContents();
    expect(counts.map(Number)).toEqual(expected.map((e) => e.open).sort((a, b) => a - b));
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await worklist.close();
  });

  it('shows the counts on the dashboard, in its plots and tables, and downloads the table as CSV', async () => {
    const shown = (await allShown()).flat();
    const open = openDeficiencies(shown);
    const problems: string[] = [];
    const dashboard = await browser.context.newPage();
    // A CSP refusal (inline script or style uPlot might inject) shows as a console error.
    dashboard.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    dashboard.on('pageerror', (error) => problems.push(error.message));
    await dashboard.goto(`chrome-extension://${browser.extensionId}/src/dashboard/index.html`);
    // One chart of three has a query, still pending: no response rate yet.
    const queryRates = async () => (await tableOf(dashboard.locator('section[data-metric="query-rates"]'))).rows.map((row) => row.slice(1));
    await reloadUntil(dashboard, '[data-testid="dashboard-summary"]', queryRates, [['1', '3', '33.3'], ['0', '0', '—'], ['0', '0', '—']]);
    expect(await dashboard.getByTestId('dashboard-summary').textContent()).toContain(`${CHARTS.length} charts reviewed`);

    // Open deficiencies by type: category, rule, count.
    const byType = dashboard.locator('section[data-metric="open-by-type"]');
    const typeTable = await tableOf(byType);
    const expectedByType = [...countBy(open, (f) => `${categories.get(f.rule)}|${f.rule}`)].map(([key, n]) => [...key.split('|'), String(n)]);
    expect([...typeTable.rows].sort()).toEqual(expectedByType.sort());
    // Its plot draws the same numbers, on a canvas uPlot drew.
    const plot = JSON.parse((await byType.locator('.plot').getAttribute('data-plot'))!) as { labels: string[]; series: { values: number[] }[] };
    expect(plot.labels.map((rule, i) => [rule, plot.series[0]!.values[i]])).toEqual(typeTable.rows.map((row) => [row[1], Number(row[2])]));
    expect(await byType.locator('.plot canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);

    // Every open deficiency has a responsible physician row.
    const byPhysician = await tableOf(dashboard.locator('section[data-metric="open-by-physician"]'));
    expect(byPhysician.rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(open.length);

    // Rules fired and dismissed: every finding shown counts once, the dismissed one as dismissed.
    const fired = await tableOf(dashboard.locator('section[data-metric="rules-fired"]'));
    const firedByRule = countBy(shown, (f) => f.rule);
    const dismissedByRule = countBy(shown.filter((f) => f.dismissed), (f) => f.rule);
    expect(Object.fromEntries(fired.rows.map((row) => [row[0], [Number(row[1]), Number(row[2])]]))).toEqual(
      Object.fromEntries([...firedByRule].map(([rule, n]) => [rule, [n, dismissedByRule.get(rule) ?? 0]])),
    );
    expect(fired.rows.find((row) => row[0] === 'dictated-not-signed')?.[3]).toBe(String(Math.round((1 / firedByRule.get('dictated-not-signed')!) * 1000) / 10));

    // Delinquency: every chart here has an open deficiency, so those past 30 days are delinquent.
    const past = dischargeDays.filter((days) => days !== null && days > 30).length;
    const delinquency = await tableOf(dashboard.locator('section[data-metric="delinquency"]'));
    expect(delinquency.rows[0]!.slice(1)).toEqual([String(past), String(past), past === 0 ? '—' : '100']);

    // The accepted code added a CC or MCC on one chart of three (the panel showed its level).
    const capture = await tableOf(dashboard.locator('section[data-metric="cc-mcc-capture"]'));
    expect(capture.rows[0]!.slice(1)).toEqual(['1', '3', '33.3']);
    expect(capture.rows[capturedLevel.includes('MCC') ? 1 : 2]!.slice(1)).toEqual(['1', '3', '33.3']);

    // The CSV is exactly the table.
    const download = dashboard.waitForEvent('download');
    await byType.getByRole('button', { name: /Download CSV/ }).click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toBe(csvOf([typeTable.columns, ...typeTable.rows]));
    await dashboard.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
    expect(await violations(dashboard)).toEqual([]);
    await dashboard.locator('section[data-metric="rules-fired"]').screenshot({ path: 'test-results/dashboard-rules-fired.png' });
    await dashboard.emulateMedia({ colorScheme: 'dark' });
    await dashboard.locator('section[data-metric="physicians-over-time"]').screenshot({ path: 'test-results/dashboard-physicians-dark.png' });
    await dashboard.emulateMedia({ colorScheme: 'light' });
    expect(problems).toEqual([]);
    await dashboard.close();
  });

  it('imports a batch run of the corpus pages and shows it beside the browser’s charts', async () => {
    const run = spawnSync(process.execPath, ['bin/chartlint.js', 'audit', 'tests/corpus/pages', '--format', 'ndjson'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
    const batch = lines.map((line) => JSON.parse(line) as { file: string; findings: { rule: string; fingerprint: string }[] });
    expect(batch.length).toBeGreaterThan(0);
    const path = join(work, 'corpus-run.ndjson');
    // One bad line: reported, the rest imported.
    writeFileSync(path, `${lines.join('\n')}\nnot json\n`);

    const before = (await allShown()).flat();
    const dashboard = await extensionPage('src/dashboard/index.html');
    await dashboard.getByLabel('Import batch results (ndjson)').setInputFiles(path);
    await expect.poll(() => dashboard.getByTestId('import-status').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^Imported corpus-run\\.ndjson: ${batch.length} charts`));
    expect(await dashboard.getByTestId('import-problems').textContent()).toContain(`Line ${lines.length + 1}`);
    await expect.poll(() => dashboard.getByTestId('dashboard-summary').textContent()).toContain(`${CHARTS.length + batch.length} charts reviewed (${batch.length} from batch imports)`);

    // Rules fired now count the batch's findings too (one per chart and fingerprint).
    const batchFindings = batch.flatMap((chart) => [...new Map(chart.findings.map((f) => [f.fingerprint, f])).values()]);
    const firedByRule = countBy([...before, ...batchFindings], (f) => f.rule);
    const fired = await tableOf(dashboard.locator('section[data-metric="rules-fired"]'));
    expect(fired.rows.length).toBe(Math.min(20, firedByRule.size));
    for (const row of fired.rows) expect(Number(row[1]), row[0]).toBe(firedByRule.get(row[0]!));
    const queries = await tableOf(dashboard.locator('section[data-metric="query-rates"]'));
    expect(queries.rows[0]!.slice(1, 3)).toEqual(['1', String(CHARTS.length + batch.length)]);

    // The worklist names a batch chart by its file, having no page to open.
    await dashboard.getByRole('link', { name: 'Worklist' }).click();
    await dashboard.locator('table.worklist').waitFor();
    await dashboard.screenshot({ path: 'test-results/worklist.png', fullPage: true });
    expect(await violations(dashboard)).toEqual([]);
    expect(await dashboard.getByText('imported from corpus-run.ndjson').count()).toBeGreaterThan(0);
    const files = await dashboard.locator('.chart-file').allTextContents();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(batch.map((chart) => `file ${chart.file}`)).toContain(file);
    await dashboard.close();
  });

  it('puts the worklist and dashboard on the toolbar button’s menu', async () => {
    // Chrome has no way to list menu items: making one again with the same id says it is there.
    const again = (id: string) =>
      browser.worker.evaluate(
        (itemId: string) => new Promise<string | undefined>((done) => chrome.contextMenus.create({ id: itemId, title: 'again', contexts: ['action'] }, () => done(chrome.runtime.lastError?.message))),
        id,
      );
    expect(await again('open-worklist')).toMatch(/duplicate id/);
    expect(await again('open-dashboard')).toMatch(/duplicate id/);
    expect(await again('no-such-item')).toBeUndefined();
  });

  it('follows the delinquency limit set on the options page', async () => {
    const options = await extensionPage('src/options/index.html');
    await options.getByLabel(/Chart delinquent when still incomplete/).fill('10');
    await options.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => options.getByTestId('thresholds-status').textContent()).toMatch(/^Saved/);
    const worklist = await extensionPage('src/worklist/index.html');
    const rows = worklist.locator('table.worklist tbody tr');
    await rows.first().waitFor();
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ discharged: tr.querySelector('time')?.getAttribute('datetime') ?? null, delinquent: tr.classList.contains('delinquent') })),
    );
    for (const row of listed) {
      const days = row.discharged ? Math.floor((Date.now() - Date.parse(row.discharged)) / DAY_MS) : null;
      expect(row.delinquent).toBe(days !== null && days > 10);
    }
    expect(await worklist.getByText('more than 10 days after discharge').count()).toBe(1);
  });
});
