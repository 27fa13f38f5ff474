import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser.ts';
import { serveFolder, type DemoServer } from '../../scripts/demo-server.ts';
import { openPanelFor, panelFindings, panelSettled, tabIdOf } from '../../scripts/panel.ts';

const SHARED = resolve(process.cwd(), '../shared/codesets');
const hasShared = existsSync(resolve(SHARED, 'icd10cm-fy2021-official/icd10cm-order-Jan-2021.txt.gz'));

/** document-unsigned as the rule of a facility pack, under a new id. */
function customRule(overrides: Record<string, unknown> = {}): Buffer {
  const rule = JSON.parse(readFileSync('rules/authentication/document-unsigned.json', 'utf8')) as Record<string, unknown>;
  return Buffer.from(JSON.stringify({ ...rule, id: 'facility-note-unsigned', pack: 'facility', title: 'Facility: note awaiting signature', severity: 'warning', ...overrides }, null, 2));
}

/** A rule whose condition uses an operator nobody registered. */
function badOperatorRule(): Buffer {
  const rule = JSON.parse(customRule({ id: 'bad-operator' }).toString()) as { conditions: { all: { operator: string }[] } };
  rule.conditions.all[0]!.operator = 'roughlyEqual';
  return Buffer.from(JSON.stringify(rule));
}

// The options page of the built extension in headless Chromium, with the demo chart and its
// panel open beside it: every setting saved there must change what the panel shows.
describe('options page', () => {
  let demo: DemoServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let chart: Page;
  let panel: Page;

  const rulesInPanel = async () => (await panelFindings(panel)).map((f) => f.rule);

  beforeAll(async () => {
    demo = await serveFolder(resolve('tests/fixtures/demo-ehr'));
    // CHARTLINT_DIST: a private build, so that parallel work on dist/ cannot swap the extension mid-run.
    browser = await launchWithExtension({ dist: process.env.CHARTLINT_DIST });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByRole('heading', { name: 'Rule packs' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('shows the built-in origins and asks the browser for exactly the origin of a new site', async () => {
    expect(await options.getByTestId('built-in-sites').textContent()).toContain('http://127.0.0.1/*');
    // The browser's prompt never answers headless: at the permissions boundary, record each
    // call and keep a granted set the page then reads back.
    await options.evaluate(() => {
      const calls: unknown[] = [];
      const granted = new Set<string>();
      const realGetAll = chrome.permissions.getAll.bind(chrome.permissions);
      (window as unknown as { permissionCalls: unknown[] }).permissionCalls = calls;
      const request = (asked: chrome.permissions.Permissions) => {
        calls.push({ request: asked });
        for (const origin of asked.origins ?? []) granted.add(origin);
        return Promise.resolve(true);
      };
      const remove = (given: chrome.permissions.Permissions) => {
        calls.push({ remove: given });
        for (const origin of given.origins ?? []) granted.delete(origin);
        return Promise.resolve(true);
      };
      const getAll = async () => {
        const real = await realGetAll();
        return { ...real, origins: [...(real.origins ?? []), ...granted] };
      };
      chrome.permissions.request = request;
      chrome.permissions.remove = remove;
      chrome.permissions.getAll = getAll;
    });
    const site = options.getByLabel('Enable a site');
    await site.fill('javascript:alert(1)');
    await options.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => options.getByTestId('site-status').textContent()).toMatch(/is not a web address/);

    await site.fill('ehr.example.org/login?next=/chart');
    await options.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => options.getByTestId('site-status').textContent()).toBe('Enabled https://ehr.example.org/*. Reload its pages to start checking them.');
    const calls = () => options.evaluate(() => (window as unknown as { permissionCalls: unknown[] }).permissionCalls);
    expect(await calls()).toEqual([{ request: { origins: ['https://ehr.example.org/*'] } }]);
    const enabled = options.getByTestId('enabled-sites');
    await expect.poll(() => enabled.textContent()).toContain('https://ehr.example.org/*');

    await enabled.getByRole('button', { name: 'Revoke https://ehr.example.org/*' }).click();
    await expect.poll(() => options.getByTestId('site-status').textContent()).toBe('chartlint no longer reads https://ehr.example.org/*.');
    expect((await calls())[1]).toEqual({ remove: { origins: ['https://ehr.example.org/*'] } });
    await expect.poll(() => enabled.locator('li').count()).toBe(0);
  });

  it('imports a custom pack: names the file and rule of a bad file, saves the good one, and its finding reaches the panel', async () => {
    await options.getByLabel('Pack name').fill('facility');
    await options.getByLabel('Rule files (.json)').setInputFiles([
      { name: 'facility-note-unsigned.json', mimeType: 'application/json', buffer: customRule() },
      { name: 'bad-operator.json', mimeType: 'application/json', buffer: badOperatorRule() },
    ]);
    await options.getByRole('button', { name: 'Check files' }).click();
    const errors = options.getByTestId('custom-errors').locator('li');
    await expect.poll(() => errors.count()).toBe(1);
    const error = (await errors.first().textContent()) ?? '';
    expect(error).toContain('facility/bad-operator.json');
    expect(error).toContain('rule bad-operator');
    expect(error).toContain('roughlyEqual');
    expect(await options.getByTestId('custom-status').textContent()).toBe('1 of 2 file(s) are valid; 1 problem(s) below.');

    await options.getByRole('button', { name: /^Save 1 valid file/ }).click();
    await expect.poll(() => options.getByTestId('custom-status').textContent()).toMatch(/^Saved 1 rule file\(s\) to the facility pack/);
    expect(await options.getByTestId('custom-packs').textContent()).toContain('facility-note-unsigned.json');
    expect(await options.getByTestId('custom-packs').textContent()).not.toContain('bad-operator');

    chart = await browser.context.newPage();
    await chart.goto(`${demo.url}chart.html`);
    panel = await openPanelFor(browser, chart);
    await panelSettled(panel);
    await expect.poll(rulesInPanel).toContain('facility-note-unsigned');
    const custom = (await panelFindings(panel)).find((f) => f.rule === 'facility-note-unsigned');
    expect(custom).toMatchObject({ severity: 'warning', message: expect.stringMatching(/Progress Note/) as unknown });
    // The facility's pack is listed with the shipped ones.
    await options.locator('[data-pack="facility"] summary').click();
    expect(await options.locator('[data-pack="facility"] tr[data-rule="facility-note-unsigned"]').textContent()).toContain('Facility: note awaiting signature');
  });

  it('turning a pack off removes its findings from the panel; a severity override shows there', async () => {
    await options.bringToFront();
    expect(await rulesInPanel()).toEqual(expect.arrayContaining(['document-unsigned', 'dictated-not-signed']));
    const pack = options.locator('[data-pack="authentication"]');
    await pack.getByRole('switch', { name: 'Run the authentication pack' }).uncheck();
    await expect.poll(() => options.getByTestId('packs-status').textContent()).toMatch(/^Saved: authentication off/);
    await expect.poll(rulesInPanel).not.toContain('document-unsigned');
    expect(await rulesInPanel()).not.toContain('dictated-not-signed');
    expect(await rulesInPanel()).toContain('facility-note-unsigned');

    await pack.getByRole('switch', { name: 'Run the authentication pack' }).check();
    await expect.poll(rulesInPanel).toContain('document-unsigned');

    const completeness = options.locator('[data-pack="completeness"]');
    await completeness.locator('summary').click();
    const required = (await panelFindings(panel)).filter((f) => f.rule === 'required-field-empty');
    expect(required.length).toBeGreaterThan(0);
    expect(required.every((f) => f.severity === 'error')).toBe(true);
    await completeness.locator('tr[data-rule="required-field-empty"] select').selectOption('info');
    await expect
      .poll(async () => (await panelFindings(panel)).filter((f) => f.rule === 'required-field-empty').map((f) => f.severity))
      .toEqual(required.map(() => 'info'));
  });

  it('refuses a bad button pattern and a zero threshold, in words', async () => {
    await options.bringToFront();
    const buttons = options.getByLabel(/Buttons that count as submitting/);
    await buttons.fill('(sign');
    await options.getByRole('button', { name: 'Save pre-submission check' }).click();
    expect(await options.locator('#guard-buttons-error').textContent()).toMatch(/^Not a valid regular expression/);
    expect(await options.getByRole('alert').first().textContent()).toContain('Button labels');
    await buttons.fill(String.raw`^\s*(sign|submit)\b`);
    await options.getByRole('button', { name: 'Save pre-submission check' }).click();
    await expect.poll(() => options.getByTestId('guard-status').textContent()).toMatch(/^Saved/);

    await options.getByLabel(/Verbal and telephone orders/).fill('0');
    await options.getByRole('button', { name: 'Save thresholds' }).click();
    expect(await options.getByTestId('thresholds-status').textContent()).toMatch(/^Not saved/);
    expect(await options.locator('#threshold-verbalOrderHours-error').textContent()).toBe('Enter a positive number of hours.');
    await options.getByLabel(/Verbal and telephone orders/).fill('24');
    const started = Date.now();
    await options.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => options.getByTestId('thresholds-status').textContent(), { interval: 20 }).toMatch(/^Saved/);
    console.log(`Save thresholds → worker rebuilt its rules and re-checked the open chart: ${Date.now() - started} ms`);
  });

  it('a per-site exception turns the check off on the demo EHR: its Submit goes straight through', async () => {
    const origin = new URL(demo.url).origin;
    await options.getByLabel('Site', { exact: true }).fill(`${demo.url}chart.html`);
    await options.getByRole('button', { name: 'Add a site exception' }).click();
    const row = options.getByTestId('guard-sites').locator('li', { hasText: origin });
    await row.getByLabel('check').selectOption('off');
    await options.getByRole('button', { name: 'Save pre-submission check' }).click();
    await expect.poll(() => options.getByTestId('guard-status').textContent()).toMatch(/^Saved/);

    await chart.bringToFront();
    await chart.locator('#dx-admitting').fill('I50.23');
    await chart.locator('#disposition').selectOption('01');
    await chart.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => chart.locator('#form-result').textContent()).toBe('Submitted to the billing queue: principal I50.23, disposition 01.');
    await options.bringToFront();
  });

  describe.skipIf(!hasShared)('code sets from ../shared/codesets', () => {
    const importFile = async (system: string, file: string, year?: string) => {
      await options.getByLabel('Kind of file').selectOption(system);
      if (year) await options.getByLabel('Fiscal year').fill(year);
      await options.getByLabel('Release file').setInputFiles(resolve(SHARED, file));
      await options.getByRole('button', { name: 'Import', exact: true }).click();
    };

    it('says in words why a codes-only list is not an order file, and keeps the starter table', async () => {
      await importFile('icd10cm', 'cms-2026-codes-only/icd10cm_codes_2026.txt.gz', '2026');
      const status = options.getByTestId('codes-status');
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Not imported\./);
      expect(await status.textContent()).toMatch(/icd10cm_codes_2026\.txt\.gz: .*line 1 does not match the order-file layout/);
      expect(await options.locator('[data-testid="releases"] tr[data-status="active"]').count()).toBe(0);
      await expect.poll(() => options.locator('[data-testid="releases"] tr[data-status="failed"]').textContent()).toContain('does not match the order-file layout');
    });

    it('imports the official ICD-10-CM order file with progress to the end, and lists it as in use', async () => {
      // Record every value the progress bar shows.
      await options.evaluate(() => {
        const seen: { value: number; max: number }[] = [];
        (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('progress');
          if (bar) seen.push({ value: bar.value, max: bar.max });
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const started = Date.now();
      await importFile('icd10cm', 'icd10cm-fy2021-official/icd10cm-order-Jan-2021.txt.gz', '2021');
      const status = options.getByTestId('codes-status');
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Imported /);
      const seconds = (Date.now() - started) / 1000;
      expect(await status.textContent()).toMatch(/^Imported icd10cm-order-Jan-2021\.txt\.gz: FY2021, [\d,]+ codes, [\d,]+ billable/);
      const seen = await options.evaluate(() => (window as unknown as { progressSeen: { value: number; max: number }[] }).progressSeen);
      expect(seen.length).toBeGreaterThan(2);
      const last = seen.at(-1)!;
      expect(last.max).toBeGreaterThan(1);
      expect(last.value).toBe(last.max);
      const active = options.locator('[data-testid="releases"] tr[data-status="active"]');
      await expect.poll(() => active.count()).toBe(1);
      expect(await active.textContent()).toContain('icd10cm-order-Jan-2021.txt.gz');
      expect(await active.textContent()).toContain('FY2021');
      // A successful import supersedes the failed attempt of the same system.
      expect(await options.locator('[data-testid="releases"] tr[data-status="failed"]').count()).toBe(0);
      console.log(`ICD-10-CM FY2021 order file imported in the browser in ${seconds.toFixed(1)} s (${await status.textContent()})`);

      // Each code system has its own release in use.
      await importFile('hcpcs', 'cms-2026-codes-only/hcpcs_level2_2026q3.txt.gz', '2026');
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Imported hcpcs_level2_2026q3\.txt\.gz: FY2026, 8,725 codes/);
      await expect.poll(() => active.count()).toBe(2);
    });

    it('cancels an import: the release in use stays, the attempt is listed as failed', async () => {
      await importFile('icd10cm-tabular', 'icd10cm-fy2021-official/icd10cm_tabular_2021.xml');
      await options.getByRole('button', { name: 'Cancel' }).click();
      const status = options.getByTestId('codes-status');
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Not imported\./);
      expect(await status.textContent()).toContain('icd10cm_tabular_2021.xml: import stopped: the import was cancelled');
      const rows = options.getByTestId('releases');
      await expect.poll(() => rows.locator('tr[data-system="icd10cm-tabular"]').getAttribute('data-status')).toBe('failed');
      expect(await rows.locator('tr[data-status="active"][data-system="icd10cm"]').textContent()).toContain('icd10cm-order-Jan-2021.txt.gz');
      await rows.getByRole('button', { name: 'Delete icd10cm_tabular_2021.xml' }).click();
      await expect.poll(() => rows.locator('tr[data-system="icd10cm-tabular"]').count()).toBe(0);
    });
  });

  it('looks right in light and dark (screenshots in test-results/)', async () => {
    mkdirSync('test-results', { recursive: true });
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.emulateMedia({ colorScheme: 'light' });
    await options.screenshot({ path: 'test-results/options-light.png', fullPage: true });
    const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.screenshot({ path: 'test-results/options-dark.png', fullPage: true });
    expect(await background()).toBe('rgb(22, 25, 29)');
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('erases all local data after confirmation: settings, custom packs and releases go', async () => {
    const tabId = await tabIdOf(browser, chart);
    const readAt = () => panel.evaluate(async (id) => (await chrome.runtime.sendMessage<unknown, { source: { extractedAt: string } } | null>({ type: 'panel-bg-get-snapshot', tabId: id }))?.source.extractedAt, tabId);
    const before = await readAt();
    expect(before).toBeTruthy();
    await options.getByRole('button', { name: 'Erase all local data…' }).click();
    await options.getByRole('button', { name: 'Erase everything' }).click();
    await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/^Erased/);
    expect(await options.getByTestId('custom-packs').locator('li').count()).toBe(0);
    expect(await options.getByTestId('releases-empty').count()).toBe(1);
    expect(await options.getByLabel(/Buttons that count as submitting/).inputValue()).toContain('finali');
    await expect.poll(rulesInPanel).not.toContain('facility-note-unsigned');
    // The worker forgot the chart it held in memory too, and the page read it again.
    await expect.poll(readAt, { timeout: 10_000 }).not.toBe(before);
    expect(await readAt()).toBeTruthy();
  });
});
