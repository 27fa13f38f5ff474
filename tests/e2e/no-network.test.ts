import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/browser.ts';
import { serveFolder } from '../../scripts/demo-server.ts';
import { openPanelFor, panelSettled } from '../../scripts/panel.ts';

interface NetLogEvent {
  type: number;
  params?: { url?: string; initiator?: string };
}


// Chromium's own network log records every request the browser makes, from pages, the
// service worker and extension pages alike. After a whole session with chartlint, the only
// requests must be the demo EHR's own page loads: nothing from chartlint, nothing elsewhere.
describe('privacy: no network request from the extension', () => {
  it('makes none during a session of reading, evaluating, highlighting and dismissing', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'chartlint-netlog-')), 'netlog.json');
    const demo = await serveFolder(resolve('tests/fixtures/demo-ehr'));
    const browser = await launchWithExtension({ extraArgs: [`--log-net-log=${log}`, '--net-log-capture-mode=Everything'] });
    try {
      const chart = await browser.context.newPage();
      await chart.goto(`${demo.url}chart.html`);
      const panel = await openPanelFor(browser, chart);
      await panelSettled(panel);
      await panel.locator('.evidence-link').first().click();
      await chart.getByRole('button', { name: 'Sign note' }).click();
      await panel.getByRole('tab', { name: 'Chart' }).click();
      await chart.waitForTimeout(1000);
    } finally {
      await browser.close();
      await demo.close();
    }
    const netlog = JSON.parse(readFileSync(log, 'utf8')) as { constants: { logEventTypes: Record<string, number> }; events: NetLogEvent[] };
    const start = netlog.constants.logEventTypes.URL_REQUEST_START_JOB;
    const requests = netlog.events.filter((e) => e.type === start && e.params?.url).map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? '' }));
    expect(requests.length).toBeGreaterThan(0);
    // Nothing the extension's own contexts (worker, panel) asked for, except its own files.
    const byExtension = requests.filter((r) => r.initiator.startsWith('chrome-extension://') && !r.url.startsWith('chrome-extension://'));
    expect(byExtension).toEqual([]);
    // What the page's origin asked for (a content script's request would count here too) is
    // only the demo EHR's own files.
    const demoOrigin = new URL(demo.url).origin;
    const byPage = requests.filter((r) => r.initiator === demoOrigin).map((r) => new URL(r.url).pathname);
    expect(new Set(byPage)).toEqual(new Set(['/demo.css', '/demo.js', '/favicon.ico'].filter((p) => byPage.includes(p))));
    expect(byPage).toContain('/demo.js');
    // The browser's own requests ("not an origin"): the navigation to the chart, and Chromium's
    // Google services that the launch flags cannot all turn off. Nothing anywhere else.
    const byBrowser = requests.filter((r) => !r.initiator.startsWith('chrome-extension://') && r.initiator !== demoOrigin);
    const unexpected = byBrowser.filter((r) => !r.url.startsWith(demo.url) && !/^https?:\/\/[\w.-]*(google\.com|googleapis\.com)\//.test(r.url));
    expect(unexpected).toEqual([]);
  });
});
