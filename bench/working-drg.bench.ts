/**
 * The working MS-DRG (issue 13): the size of the compact grouper/MCE tables the service worker
 * carries (src/codes/generated/grouper-tables.json), their decode time in Node (first, then warm),
 * the working DRG + what-if time for one chart (the pneumonia demo chart with its real findings;
 * goal <= 10 ms), and in Chromium the worker's cost of the first DRG (tables decoded on the first
 * inpatient chart a panel asks for) against the tab-state answers after it. Needs the built
 * extension (CHARTLINT_DIST or dist/) and ../shared/codesets; without the tables, says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { launchWithExtension } from '../scripts/browser.ts';
import { serveFolder } from '../scripts/demo-server.ts';
import { tabIdOf } from '../scripts/panel.ts';
import { extractFromDom } from '../src/chart/extract.ts';
import { setActiveCodeTable } from '../src/codes/active-table.ts';
import { loadStarterTable } from '../src/codes/starter-table.ts';
import { createEvaluator } from '../src/engine/evaluate.ts';
import { readPackFiles } from '../src/engine/node-packs.ts';
import { loadPacks } from '../src/engine/packs.ts';
import { asCompactTablesFile, decodeCompactTables } from '../src/grouper/compact-format.ts';
import { groupClaim } from '../src/grouper/grouper.ts';
import { workingDrg } from '../src/grouper/working-drg.ts';

const TABLES = resolve('src/codes/generated/grouper-tables.json');
const CHART = 'pneumonia.html';
const ROUNDS = 200;
const WARM_ASKS = 20;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? NaN;

export async function run(): Promise<void> {
  const text = readFileSync(TABLES, 'utf8');
  const file = asCompactTablesFile(JSON.parse(text));
  if (file.builtFrom === 'absent') {
    console.log(`working-drg: ${TABLES} was built without ../shared/codesets; nothing measured`);
    return;
  }
  // Node: parse + decode, the first time (cold code) and warm; then the first grouping, which
  // decodes the PDX-exclusion collections.
  const decodeMs: number[] = [];
  let firstGroupingMs = NaN;
  for (let round = 0; round < 6; round++) {
    const start = performance.now();
    const tables = decodeCompactTables(asCompactTablesFile(JSON.parse(text)) as Exclude<typeof file, { builtFrom: 'absent' }>);
    decodeMs.push(performance.now() - start);
    if (round === 0) {
      const t = performance.now();
      groupClaim(tables.grouper, { id: 'b', age: 70, sex: 'F', dischargeStatus: '01', admitDate: '2026-05-01', dischargeDate: '2026-05-04', pdx: { code: 'I5023', poa: 'Y' }, sdx: [{ code: 'N179', poa: 'Y' }], procedures: [] });
      firstGroupingMs = performance.now() - t;
    }
  }
  const tables = decodeCompactTables(file);

  // One chart's working DRG and what-if, from its real findings.
  const window = new Window({ url: `http://127.0.0.1/${CHART}` });
  window.document.write(readFileSync(resolve('tests/fixtures/demo-ehr', CHART), 'utf8'));
  const snapshot = extractFromDom({ document: window.document as unknown as Document, url: `http://127.0.0.1/${CHART}`, now: new Date().toISOString() });
  setActiveCodeTable(loadStarterTable());
  const findings = await createEvaluator(loadPacks(readPackFiles(resolve('rules'))).packs).evaluate(snapshot);
  const input = { snapshot, findings, accepted: [], tables };
  const result = workingDrg(input);
  const whatIfMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    workingDrg(input);
    whatIfMs.push(performance.now() - start);
  }
  const lines = result.status === 'ready' ? result.whatIf : [];
  const groupings = 1 + lines.reduce((n, l) => n + (l.kind === 'answer' ? (l.outcomes.reduce((k, o) => k + (o.codes?.length ?? 0), 0)) : l.outcomes.length), 0);

  // Chromium: the tab state with the DRG, asked from an extension page, first and warm.
  const site = await serveFolder(resolve('tests/fixtures/demo-ehr'));
  const browser = await launchWithExtension();
  let worker: { firstMs: number; warmMedianMs: number; drg: unknown };
  try {
    const chart = await browser.context.newPage();
    await chart.goto(`${site.url}${CHART}`);
    const tabId = await tabIdOf(browser, chart);
    // Judged (the badge is set) but no panel has asked yet: the tables are not decoded.
    for (let i = 0; i < 100 && !(await browser.worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId)); i++) await chart.waitForTimeout(100);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    const ask = () =>
      page.evaluate(async (id: number) => {
        const start = performance.now();
        const state = await chrome.runtime.sendMessage<unknown, { drg?: { drg?: number } }>({ type: 'panel-bg-get-tab-state', tabId: id });
        return { ms: performance.now() - start, drg: state.drg?.drg };
      }, tabId);
    const first = await ask();
    const warm: number[] = [];
    for (let i = 0; i < WARM_ASKS; i++) warm.push((await ask()).ms);
    worker = { firstMs: first.ms, warmMedianMs: median(warm), drg: first.drg };
  } finally {
    await browser.close();
    await site.close();
  }

  const out = {
    date: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, Node ${process.version}`,
    tables: { rawKiB: Math.round(text.length / 1024), gzipKiB: Math.round(gzipSync(text).length / 1024) },
    nodeDecodeMs: { first: Number((decodeMs[0] ?? NaN).toFixed(1)), warmMedian: Number(median(decodeMs.slice(1)).toFixed(1)), firstGrouping: Number(firstGroupingMs.toFixed(1)) },
    whatIfOneChart: { chart: CHART, drg: result.status === 'ready' ? result.drg : null, lines: lines.length, groupings, medianMs: Number(median(whatIfMs).toFixed(3)), p99Ms: Number(p99(whatIfMs).toFixed(3)) },
    goalWhatIfMs: 10,
    worker: { firstTabStateMs: Math.round(worker.firstMs), warmTabStateMedianMs: Number(worker.warmMedianMs.toFixed(1)), drg: worker.drg },
  };
  writeFileSync('bench/results/working-drg.json', `${JSON.stringify(out, null, 2)}\n`);
  const md = `# Working MS-DRG: bundled tables, what-if, worker (bench/working-drg.bench.ts)

${out.date}, ${out.machine}; headless Chromium with the built extension.

| measure | value |
| --- | --- |
| compact grouper + MCE tables in the service worker | ${out.tables.rawKiB} KiB (${out.tables.gzipKiB} KiB gzipped) |
| decode in Node, first / warm median | ${out.nodeDecodeMs.first} ms / ${out.nodeDecodeMs.warmMedian} ms |
| first grouping after decode (decodes the PDX-exclusion collections) | ${out.nodeDecodeMs.firstGrouping} ms |
| working DRG + what-if, ${CHART} (DRG ${out.whatIfOneChart.drg}, ${out.whatIfOneChart.lines} what-if lines, ${out.whatIfOneChart.groupings} groupings; goal ≤ 10 ms) | median ${out.whatIfOneChart.medianMs} ms, p99 ${out.whatIfOneChart.p99Ms} ms |
| worker: first tab state with a DRG (tables decoded then) | ${out.worker.firstTabStateMs} ms |
| worker: tab state with the DRG afterwards, median of ${WARM_ASKS} | ${out.worker.warmTabStateMedianMs} ms |
`;
  writeFileSync('bench/results/working-drg.md', md);
  console.log(md);
}
