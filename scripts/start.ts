/**
 * `npm start`: serves the demo EHR on 127.0.0.1, opens Chromium with the built chartlint
 * loaded on the demo chart, and leaves it to you (click the chartlint button for the panel).
 * With `--headless` or CI=true it does the same headless, prints the findings the running
 * extension shows in its panel, and exits.
 */
import { resolve } from 'node:path';
import { launchWithExtension } from './browser.ts';
import { serveFolder } from './demo-server.ts';
import { openPanelFor, panelFindings, panelSettled } from './panel.ts';

const headless = process.argv.includes('--headless') || process.env.CI === 'true';
const port = Number(process.env.DEMO_PORT ?? (headless ? 0 : 5410));
const demo = await serveFolder(resolve('tests/fixtures/demo-ehr'), port);
const browser = await launchWithExtension({ headless });
const chart = browser.context.pages()[0] ?? (await browser.context.newPage());
await chart.goto(`${demo.url}chart.html`);
console.log(`Demo EHR: ${demo.url}chart.html (chartlint ${browser.extensionId})`);

if (headless) {
  const panel = await openPanelFor(browser, chart);
  await panelSettled(panel);
  const findings = await panelFindings(panel);
  for (const f of findings) console.log(`${f.severity.padEnd(7)} ${f.rule.padEnd(34)} ${f.message}`);
  console.log(`${findings.length} findings shown in the chartlint panel.`);
  await browser.close();
  await demo.close();
} else {
  console.log('Click the chartlint button in the toolbar to open the side panel. Close the browser to stop.');
  browser.context.on('close', () => {
    void demo.close().then(() => process.exit(0));
  });
}
