import { mkdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteProfile } from '../../src/chart/site-profile/format.ts';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { openChartSession, type ChartSession } from '../../scripts/panel.ts';

// A perioperative record from the reading corpus that the generic reader reads incompletely (when
// written: no patient name, notes without a status): the user teaches it in the panel by clicking the page, the
// profile is saved for the origin and used on reload, then exported, deleted and imported again
// on the options page, where a malformed file is refused with its reasons.
describe('teach chartlint a page it misreads', () => {
  let session: ChartSession;
  let browser: ExtensionBrowser;
  let chart: Page;
  let panel: Page;
  let origin: string;
  let exported: SiteProfile;

  beforeAll(async () => {
    session = await openChartSession('tests/corpus/pages', 'd3-perioperative-record.html');
    ({ browser, chart, panel } = session);
    origin = new URL(chart.url()).origin;
  });
  afterAll(async () => {
    await session?.close();
  });

  const chartView = async () => {
    await panel.getByRole('tab', { name: 'Chart' }).click();
    return (await panel.locator('.chart-view').textContent()) ?? '';
  };
  const findingsView = () => panel.getByRole('tab', { name: 'Findings' }).click();

  /**
   * Pick in the panel, then click the element on the page once chartlint's teach layer is up.
   * `atEnd`: click near its right end, on the value rather than the label printed before it.
   */
  const teach = async (label: string, target: Locator, atEnd = false) => {
    await panel.getByRole('button', { name: `Pick the ${label}` }).click();
    await chart.locator('chartlint-teach').waitFor({ state: 'attached' });
    const box = atEnd ? await target.boundingBox() : null;
    await target.click(box ? { position: { x: box.width - 3, y: box.height / 2 } } : {});
    await chart.locator('chartlint-teach').waitFor({ state: 'detached' });
  };
  /** A note as the panel's Chart view lists it, by its exact title. */
  const noteInPanel = (title: string) => panel.locator('.chart-view .chart-items li').filter({ has: panel.locator('strong', { hasText: new RegExp(`^${title}$`) }) });

  it('reads the page incompletely without a profile, and offers to be taught', async () => {
    await panel.locator('[data-coverage="incomplete"]').waitFor();
    expect(await chartView()).toContain('Read by the generic adapter');
    await findingsView();
    await panel.getByRole('button', { name: 'Teach chartlint this page' }).waitFor();
  });

  it('Escape cancels a pick and the page’s own click handlers never see a picking click', async () => {
    await panel.getByRole('button', { name: 'Teach chartlint this page' }).click();
    await chart.evaluate(() => {
      (window as unknown as { pageClicks: number }).pageClicks = 0;
      document.addEventListener('click', () => (window as unknown as { pageClicks: number }).pageClicks++);
    });
    await panel.getByRole('button', { name: 'Pick the patient name' }).click();
    await chart.locator('chartlint-teach').waitFor({ state: 'attached' });
    await chart.keyboard.press('Escape');
    await chart.locator('chartlint-teach').waitFor({ state: 'detached' });
    await expect.poll(() => panel.getByTestId('teach-status').textContent()).toBe('Pick of the patient name cancelled.');
    await teach('patient name', chart.locator('.ptbar .name'));
    expect(await chart.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
    await expect.poll(() => panel.locator('[data-teach-field="patient.name"] .teach-picked').textContent()).toBe('Calloway, Idris M');
  });

  it('saves what the user clicked as the site profile, and the chart is read with it, also after a reload', async () => {
    await teach('MRN', chart.locator('.ptbar > span:nth-of-type(2)'), true);
    await teach('date of birth', chart.locator('.ptbar > span:nth-of-type(3)'), true);
    await teach('note title', chart.locator('#hp > h2'));
    await teach('note status', chart.locator('#hp .pill'));
    await teach('note author', chart.locator('#hp dd').nth(1));
    await teach('note signed time', chart.locator('#hp dd').nth(3));
    await expect.poll(() => panel.locator('[data-teach-field="patient.mrn"] .teach-picked').textContent()).toBe('M00583317');
    await panel.getByRole('button', { name: 'Save site profile' }).click();
    await expect.poll(() => panel.getByTestId('teach-status').textContent()).toContain(`Saved the site profile for ${origin}`);
    mkdirSync('test-results', { recursive: true });
    await panel.locator('.teach-panel').screenshot({ path: 'test-results/teach-page-saved.png' });

    await chart.reload();
    await expect.poll(chartView, { timeout: 15_000 }).toContain('Read by the site-profile+generic adapter');
    const text = await chartView();
    expect(text).toContain('Calloway, Idris M');
    expect(text).toContain('M00583317');
    // Every note's status chip is read now, under the taught titles.
    expect(await noteInPanel('Operative Report').locator('.sig').textContent()).toMatch(/^dictated-not-signed/);
    expect(await noteInPanel('Informed Consent for Surgery').locator('.sig').textContent()).toMatch(/^signed/);
    expect(await noteInPanel('History & Physical').locator('.sig').textContent()).toMatch(/^signed/);
    expect(text).not.toContain('no longer matches');
  });

  it('exports the profile on the options page, deletes it (the generic reader again), and imports it back', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    const row = options.locator(`[data-profile-origin="${origin}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('patient name, MRN, date of birth, note, note title, note author, note status, note signed time');

    const [download] = await Promise.all([options.waitForEvent('download'), row.getByRole('button', { name: `Export the site profile for ${origin}` }).click()]);
    const file = readFileSync(await download.path());
    exported = JSON.parse(file.toString('utf8')) as SiteProfile;
    expect(exported).toMatchObject({ format: 'chartlint-site-profile', version: 1, origin, patient: { name: 'span.name' }, documents: { container: 'main > article.card' } });

    await row.getByRole('button', { name: `Delete the site profile for ${origin}` }).click();
    await row.waitFor({ state: 'detached' });
    await expect.poll(chartView, { timeout: 15_000 }).toContain('Read by the generic adapter');

    await options.getByLabel('Import a site profile (.json)').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: file });
    await expect.poll(() => options.getByTestId('profile-status').textContent()).toBe(`Imported the site profile for ${origin}.`);
    await row.waitFor();
    await expect.poll(chartView, { timeout: 15_000 }).toContain('Read by the site-profile+generic adapter');
    expect(await chartView()).toContain('Calloway, Idris M');
    await options.close();
  });

  it('refuses a malformed profile file, saying which field and why, and keeps the profile it had', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.locator(`[data-profile-origin="${origin}"]`).waitFor();
    const bad = { ...exported, origin: `${origin}/chart`, patient: { name: 42 }, documents: { container: 'article[[' } };
    await options.getByLabel('Import a site profile (.json)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => options.getByTestId('profile-status').textContent()).toBe('broken.json was not imported: 3 problems below.');
    expect(await options.getByTestId('profile-problems').locator('li').allTextContents()).toEqual([
      'origin: must be a site address without a path, such as "https://ehr.example.org"',
      'patient.name: must be a string, not a number',
      'documents.container: "article[[" is not a CSS selector the browser accepts',
    ]);
    await options.locator('section[aria-labelledby="profiles-heading"]').screenshot({ path: 'test-results/teach-page-import-error.png' });
    await options.getByLabel('Import a site profile (.json)').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect.poll(() => options.getByTestId('profile-problems').textContent()).toMatch(/^not valid JSON/);
    expect(await options.getByTestId('site-profiles').locator('li[data-profile-origin]').count()).toBe(1);
    await options.close();
  });

  it('when the EHR changes its markup, reads with the generic reader where the profile no longer matches, and says so', async () => {
    const page = readFileSync('tests/corpus/pages/d3-perioperative-record.html', 'utf8')
      .replace('<span class="name">', '<span class="pt-name">')
      .replace(/<article class="card/g, '<section class="note-card').replace(/<\/article>/g, '</section>');
    await chart.route(chart.url(), (route) => route.fulfill({ body: page, contentType: 'text/html; charset=utf-8' }));
    await chart.reload();
    await expect.poll(chartView, { timeout: 15_000 }).toContain("The site profile's patient name selector no longer matches; read by the generic reader.");
    const text = await chartView();
    expect(text).toContain("The site profile's note selector no longer matches; read by the generic reader.");
    // What still matches is still read with the profile.
    expect(text).toContain('M00583317');
    expect(text).toContain('Read by the site-profile+generic adapter');
    await chart.unroute(chart.url());
  });
});
