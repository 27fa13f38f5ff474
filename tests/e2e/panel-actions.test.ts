import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { openChartSession, panelFindings, panelSettled, tabIdOf, type ChartSession } from '../../scripts/panel.ts';

// What a technician does from the panel: see the evidence on the page, dismiss a finding with
// a reason (kept across reloads in IndexedDB), and take it back.
describe('panel actions on the demo chart', () => {
  let session: ChartSession;
  let browser: ExtensionBrowser;
  let chart: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession('tests/fixtures/demo-ehr', 'chart.html', { viewport: { width: 900, height: 500 } });
    ({ browser, chart, panel } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const badge = async () => {
    const tabId = await tabIdOf(browser, chart);
    return browser.worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
  };
  const inViewport = (selector: string) =>
    chart.evaluate((sel) => {
      const rect = document.querySelector(sel)!.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    }, selector);

  it('jumps to the evidence: the page scrolls to it and chartlint draws its highlight layer', async () => {
    expect(await inViewport('#order-2')).toBe(false);
    const finding = panel.locator('li.finding[data-rule="verbal-order-not-authenticated"]');
    await finding.locator('.evidence-link').first().click();
    await expect.poll(() => inViewport('#order-2')).toBe(true);
    expect(await chart.evaluate(() => document.querySelectorAll('chartlint-layer').length)).toBe(1);
    await chart.screenshot({ path: 'test-results/highlight-verbal-order.png' });
    // The EHR's own DOM is untouched apart from the one layer element.
    expect(await chart.evaluate(() => document.querySelector('#order-2')!.outerHTML)).not.toContain('chartlint');
  });

  it('dismisses a finding with a reason, keeps it under "Dismissed", and the dismissal survives a reload', async () => {
    const before = Number(await badge());
    const card = panel.locator('li.finding[data-rule="dictated-not-signed"]');
    await card.getByRole('button', { name: 'Dismiss…' }).click();
    await card.getByLabel('Already addressed elsewhere in the record').check();
    await card.getByRole('button', { name: 'Dismiss', exact: true }).click();
    const dismissed = panel.locator('.dismissed-group li.finding[data-rule="dictated-not-signed"]');
    await dismissed.waitFor();
    expect(await dismissed.locator('.dismissal').textContent()).toContain('Already addressed elsewhere in the record');
    await expect.poll(badge).toBe(String(before - 1));

    await chart.reload();
    await panel.reload();
    await panelSettled(panel);
    await panel.locator('.dismissed-group li.finding[data-rule="dictated-not-signed"]').waitFor();
    const open = (await panelFindings(panel)).filter((f) => f.rule === 'dictated-not-signed');
    expect(open).toHaveLength(1); // the one under "Dismissed"
    await expect.poll(badge).toBe(String(before - 1));
  });

  it('undoes a dismissal', async () => {
    const before = Number(await badge());
    await panel.locator('.dismissed-group li.finding[data-rule="dictated-not-signed"]').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel.locator('.dismissed-group').count()).toBe(0);
    await expect.poll(badge).toBe(String(before + 1));
  });

  const focused = () => panel.evaluate(() => document.activeElement?.getAttribute('data-fingerprint') ?? document.activeElement?.tagName);

  it('moves between findings and dismisses from the keyboard', async () => {
    const items = panel.locator('.finding-group:not(.dismissed-group) li.finding');
    await items.first().focus();
    const second = await items.nth(1).getAttribute('data-fingerprint');
    await panel.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(second);
    await panel.keyboard.press('d');
    await panel.locator('.dismiss-form').waitFor();
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.locator('.dismiss-form').count()).toBe(0);
    // Closing the form hands the focus back to its finding, not to the page.
    await expect.poll(focused).toBe(second);
  });

  it('jumps to the evidence with Enter on a focused finding', async () => {
    await chart.evaluate(() => window.scrollTo(0, 0));
    expect(await inViewport('#order-2')).toBe(false);
    await panel.locator('li.finding[data-rule="verbal-order-not-authenticated"]').focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => inViewport('#order-2')).toBe(true);
  });

  it('dismisses with a chosen reason and undoes it without a mouse, keeping the focus on a finding', async () => {
    const before = Number(await badge());
    const card = panel.locator('li.finding[data-rule="dictated-not-signed"]');
    const fingerprint = await card.getAttribute('data-fingerprint');
    await card.focus();
    await panel.keyboard.press('d');
    // The form takes the focus: its first reason; arrows choose, Tab reaches the initials, then "Dismiss", Enter sends.
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Not applicable to this patient or encounter');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.id && document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent)).toBe('Your initials (optional)');
    await panel.keyboard.type('MK');
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Dismiss');
    await panel.keyboard.press('Enter');
    const dismissed = panel.locator(`.dismissed-group li.finding[data-fingerprint="${fingerprint}"]`);
    await dismissed.waitFor();
    expect(await dismissed.locator('.dismissal').textContent()).toContain('Already addressed elsewhere in the record');
    await expect.poll(badge).toBe(String(before - 1));
    // The focus went to the finding that followed, so the keys go on working from there.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.matches('li.finding:not(.dismissed)') ?? false)).toBe(true);

    // End reaches the last finding, the dismissed one; u takes the dismissal back.
    await panel.keyboard.press('End');
    await expect.poll(focused).toBe(fingerprint);
    await panel.keyboard.press('u');
    await expect.poll(() => panel.locator('.dismissed-group').count()).toBe(0);
    await expect.poll(badge).toBe(String(before));
    await expect.poll(() => panel.evaluate(() => document.activeElement?.matches('li.finding') ?? false)).toBe(true);
  });

  it('accepts a suggested code onto the chart’s working list, copies it, keeps it across reloads, and removes it', async () => {
    const finding = panel.locator('li.finding[data-rule="combination-code-presumed"]');
    await finding.getByRole('button', { name: 'Accept I13.0' }).click();
    const listed = panel.locator('.working-codes li[data-code="I13.0"]');
    await listed.waitFor();
    await finding.locator('.accepted').waitFor();
    // The clipboard itself is the browser's; record what the panel hands it.
    await panel.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = (text: string) => {
        copied.push(text);
        return Promise.resolve();
      };
    });
    await panel.getByRole('button', { name: 'Copy all' }).click();
    await expect.poll(() => panel.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
      expect.stringMatching(/^I13\.0 Hyp/),
    ]);
    await panel.reload();
    await panelSettled(panel);
    await panel.locator('.working-codes li[data-code="I13.0"]').waitFor();
    await panel.locator('.working-codes li[data-code="I13.0"]').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => panel.locator('.working-codes').count()).toBe(0);
  });
});
