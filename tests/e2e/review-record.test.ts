import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChartSession, panelFindings, type ChartSession } from '../../scripts/panel.ts';
import { hasGrouperTables } from '../../src/grouper/load-node.ts';
import type { ReviewRecord } from '../../src/storage/review-types.ts';

const withTables = hasGrouperTables(resolve('../shared/codesets'));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2 A/AA violations on the panel, as in panel-accessibility.test.ts (light scheme). */
async function violations(panel: Page): Promise<string[]> {
  if (!(await panel.evaluate(() => 'axe' in window))) await panel.evaluate(AXE_SOURCE);
  const results = await panel.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'],
  );
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The review record as stored, read from an extension page with the raw IndexedDB API. */
function readRecord(page: Page): Promise<ReviewRecord> {
  return page.evaluate(
    () =>
      new Promise<ReviewRecord>((done, fail) => {
        const open = indexedDB.open('chartlint');
        open.onerror = () => fail(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const stores = ['reviewCharts', 'reviewFindings', 'reviewQueries', 'codeDecisions'] as const;
          const tx = db.transaction([...stores], 'readonly');
          const all = stores.map((name) => new Promise<unknown[]>((ok) => {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => ok(request.result as unknown[]);
          }));
          void Promise.all(all).then(([charts, findings, queries, codeDecisions]) => {
            db.close();
            done({ charts, findings, queries, codeDecisions } as ReviewRecord);
          });
        };
      }),
  );
}

// The review record kept as a technician works a chart: the pneumonia demo chart (an MCC to
// accept, a combination code to reject, two queries, a missing discharge summary to dismiss).
describe('the review record of a chart reviewed in the panel', () => {
  let session: ChartSession;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/demo-ehr', 'pneumonia.html');
    ({ panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const card = (rule: string, code?: string) => {
    const cards = panel.locator(`.finding-group:not(.dismissed-group) li.finding[data-rule="${rule}"]`);
    return code ? cards.filter({ has: panel.locator('code', { hasText: code }) }) : cards;
  };

  it('records the chart and every finding it raised, with no identifiers by default', async () => {
    await expect.poll(async () => (await readRecord(panel)).findings.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const shown = await panelFindings(panel);
    const { charts, findings } = await readRecord(panel);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ source: 'browser', encounterClass: 'inpatient', origin: new URL(session.site.url).origin, readComplete: true });
    expect(charts[0]?.dischargedAt).toMatch(/^2026-11-23/);
    expect(charts[0]?.url).toContain('pneumonia.html');
    expect(JSON.stringify(charts)).not.toContain('Okonkwo');
    expect(findings.map((f) => f.rule).sort()).toEqual(shown.map((f) => f.rule).sort());
    expect(findings.every((f) => f.chartKey === charts[0]?.chartKey && f.firstSeenAt && !f.resolvedAt)).toBe(true);
    if (withTables) expect(charts[0]?.drgFirst?.drg).toMatch(/^\d{3}$/);
  });

  it('keeps a dismissal with its reason and the initials entered', async () => {
    const missing = card('discharge-summary-missing');
    await missing.getByRole('button', { name: 'Dismiss…' }).click();
    await missing.getByLabel('Documented on paper or in another system').check();
    await missing.getByLabel('Your initials (optional)').fill('MK');
    await missing.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await panel.locator('.dismissed-group li.finding[data-rule="discharge-summary-missing"]').waitFor();
    await expect.poll(async () => (await readRecord(panel)).findings.find((f) => f.rule === 'discharge-summary-missing')?.dismissedBy).toBe('MK');
    const dismissed = (await readRecord(panel)).findings.find((f) => f.rule === 'discharge-summary-missing');
    expect(dismissed).toMatchObject({ dismissReason: 'Documented on paper or in another system' });
    expect(dismissed?.dismissedAt).toBeTruthy();
  });

  it('notes a query when its draft is copied, and the outcome the user enters', async () => {
    const heartFailure = card('query-unspecified-diagnosis', 'I50.9');
    await heartFailure.getByRole('button', { name: 'Copy query' }).click();
    const outcome = heartFailure.locator('.query-outcome');
    await outcome.waitFor();
    expect(await outcome.locator('.query-state').textContent()).toContain('outcome: pending');
    await outcome.getByLabel('Outcome').selectOption('agreed');
    await outcome.getByLabel('Your initials (optional)').fill('MK');
    await outcome.getByRole('button', { name: 'Save outcome' }).click();
    await expect.poll(() => outcome.locator('.query-state').textContent()).toContain('outcome: agreed (MK)');
    const { queries, findings } = await readRecord(panel);
    const fingerprint = findings.find((f) => f.rule === 'query-unspecified-diagnosis' && f.codes?.includes('I50.9'))?.fingerprint;
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({ rule: 'query-unspecified-diagnosis', fingerprint, outcome: 'agreed', by: 'MK' });
    expect(queries[0]?.outcomeAt).toBeTruthy();
  });

  it('records an accepted code, and a rejected one with its reason', async () => {
    await panel.getByRole('button', { name: 'Accept J96.01' }).click();
    await panel.locator('.working-codes li[data-code="J96.01"]').waitFor();
    const combination = card('combination-code-presumed');
    await combination.getByRole('button', { name: 'Reject I11.0…' }).click();
    await combination.getByLabel('Why reject I11.0?').fill('No heart failure link documented');
    // The rejection form and the query's outcome form (open above), labelled and sized for WCAG AA.
    expect(await violations(panel)).toEqual([]);
    await combination.getByRole('button', { name: 'Reject I11.0', exact: true }).click();
    await combination.locator('.rejected').filter({ hasText: 'No heart failure link documented' }).waitFor();

    const { codeDecisions } = await readRecord(panel);
    const accepted = codeDecisions.find((d) => d.code === 'J96.01');
    expect(accepted).toMatchObject({ decision: 'accepted', system: 'ICD-10-CM', severityLevel: 'MCC' });
    expect(codeDecisions.find((d) => d.code === 'I11.0')).toMatchObject({ decision: 'rejected', reason: 'No heart failure link documented' });
    expect(codeDecisions).toHaveLength(2);
    // Accepting the MCC moves the working DRG (working-drg.test.ts): the record keeps both.
    if (withTables) expect([accepted?.drgBefore?.drg, accepted?.drgAfter?.drg]).toEqual(['195', '193']);
  });

  it('keeps the name and MRN once the user chooses so on the options page', async () => {
    const { browser } = session;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByLabel('Keep the patient’s name and MRN, so the worklist can show them').check();
    await options.getByTestId('review-identifiers-status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();
    // The settings change has every open chart judged again, and so recorded again.
    await expect.poll(async () => (await readRecord(panel)).charts[0]?.patientName, { timeout: 10_000 }).toBe('Okonkwo, James T');
    expect((await readRecord(panel)).charts[0]?.mrn).toBe('7731046');
  });
});

// The first demo chart, read completely: signing its unsigned progress note in the EHR resolves
// the finding in the review record, its first sighting kept.
describe('a deficiency completed in the EHR', () => {
  let session: ChartSession;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/demo-ehr', 'chart.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is marked resolved when a complete read of the chart no longer raises it', async () => {
    const { chart, panel } = session;
    const unsignedNote = async () => (await readRecord(panel)).findings.find((f) => f.rule === 'document-unsigned' && f.responsible === 'Priya Natarajan');
    await expect.poll(unsignedNote, { timeout: 10_000 }).toBeTruthy();
    const before = await unsignedNote();
    expect(before?.resolvedAt).toBeUndefined();
    expect((await readRecord(panel)).charts[0]?.readComplete).toBe(true);

    await chart.locator('.sign-button').first().click();
    await expect.poll(async () => (await unsignedNote())?.resolvedAt, { timeout: 10_000 }).toBeTruthy();
    const after = await unsignedNote();
    expect(after?.firstSeenAt).toBe(before?.firstSeenAt);
    // The other findings of the chart are still open.
    expect((await readRecord(panel)).findings.filter((f) => !f.resolvedAt).length).toBeGreaterThan(0);
  });
});
