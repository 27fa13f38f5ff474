/**
 * Extraction speed (median ms per extraction, happy-dom in Node) on a typical chart page and on
 * a 50,000-node page, for every adapter that claims the page and always for `generic`; and how
 * well the generic adapter reads the demo pages compared with their own adapter.
 * Targets on the 2-core dev machine: typical < 10 ms, 50,000 nodes < 150 ms.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { DomAdapter, DomInput } from '../src/chart/adapter.ts';
import { DOM_ADAPTERS } from '../src/chart/adapters/index.ts';
import { agreement, percent, type Agreement } from './snapshot-agreement.ts';

const NOW = '2026-11-24T12:00:00Z';
const DEMO_DIR = new URL('../tests/fixtures/demo-ehr/', import.meta.url);
const MEDPLUM_DIR = resolve(process.cwd(), '../shared/corpora/ehr-pages/medplum');

function page(html: string, url: string): DomInput {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return { document: window.document as unknown as Document, url, now: NOW };
}

function countNodes(document: Document): number {
  let n = 0;
  const walker = document.createTreeWalker(document, 0xffffffff);
  while (walker.nextNode()) n++;
  return n;
}

/** An EHR-like page of about 50,000 nodes: banner, many signed notes, a long results table. */
function largePage(): string {
  const notes: string[] = [];
  for (let i = 0; i < 800; i++) {
    notes.push(`<article id="n${i}"><h3>Progress Note</h3><p>Author: Pat Lee, MD · 11/${(i % 28) + 1}/2026 08:00</p>` +
      `<h4>Assessment</h4><p>Stable. ${'Continue current plan. '.repeat(3)}</p>` +
      `<footer>Electronically signed by Pat Lee, MD on 11/${(i % 28) + 1}/2026 09:00</footer></article>`);
  }
  const rows: string[] = [];
  for (let i = 0; i < 6000; i++) rows.push(`<tr><td>Glucose ${i}</td><td>${90 + (i % 40)} mg/dL</td><td>11/20/2026 0${i % 10}:00</td></tr>`);
  return `<!doctype html><title>Large chart</title><div>Patient: Doe, Jane · MRN: 123456 · DOB: 01/02/1960 · Sex: Female</div>` +
    `<main>${notes.join('')}<h2>Results</h2><table>${rows.join('')}</table></main>`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(adapter: DomAdapter, input: DomInput, runs: number): number {
  for (let i = 0; i < 3; i++) adapter.extract(input);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    adapter.extract(input);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

interface Row { page: string; nodes: number; adapter: string; medianMs: number; targetMs: number }

export function run(): void {
  const generic = DOM_ADAPTERS.find((a) => a.id === 'generic')!;
  const demo = existsSync(new URL('chart.html', DEMO_DIR));
  const typicalName = demo ? 'demo-ehr/chart.html' : 'medplum/medplum-enc1.html';
  const typicalHtml = demo ? readFileSync(new URL('chart.html', DEMO_DIR), 'utf8') : readFileSync(resolve(MEDPLUM_DIR, 'medplum-enc1.html'), 'utf8');
  const pages = [
    { name: typicalName, input: page(typicalHtml, 'http://127.0.0.1/chart.html'), runs: 60, targetMs: 10 },
    { name: 'synthetic 50,000-node chart', input: page(largePage(), 'http://127.0.0.1/large.html'), runs: 15, targetMs: 150 },
  ];
  if (existsSync(MEDPLUM_DIR) && demo) {
    pages.splice(1, 0, { name: 'medplum/medplum-enc1.html', input: page(readFileSync(resolve(MEDPLUM_DIR, 'medplum-enc1.html'), 'utf8'), 'http://localhost:3000/Patient/p/Encounter/e'), runs: 60, targetMs: 10 });
  }
  const rows: Row[] = [];
  for (const { name, input, runs, targetMs } of pages) {
    const adapters = DOM_ADAPTERS.filter((a) => a === generic || a.matches(input));
    for (const adapter of adapters) {
      rows.push({ page: name, nodes: countNodes(input.document), adapter: adapter.id, medianMs: Number(time(adapter, input, runs).toFixed(2)), targetMs });
    }
  }
  const agreements = readAgreements(generic);
  for (const r of rows) console.log(`${r.page} (${r.nodes} nodes) · ${r.adapter}: ${r.medianMs} ms (target < ${r.targetMs} ms)`);
  for (const a of agreements) console.log(`generic vs ${a.reference} on ${a.page}: ${percent(a.result)} of ${a.result.checks} checks`);
  writeFileSync(new URL('./results/extraction.json', import.meta.url), `${JSON.stringify({ measuredAt: new Date().toISOString(), rows, agreements }, null, 2)}\n`);
  writeFileSync(new URL('./results/extraction.md', import.meta.url), markdown(rows, agreements));
}

interface PageAgreement { page: string; reference: string; result: Agreement }

/** The generic adapter against each page's own adapter: demo pages, and Medplum for contrast. */
function readAgreements(generic: DomAdapter): PageAgreement[] {
  const out: PageAgreement[] = [];
  const sets = [
    { dir: DEMO_DIR.pathname, prefix: 'demo-ehr', url: (f: string) => `http://127.0.0.1/${f}` },
    { dir: MEDPLUM_DIR, prefix: 'medplum', url: () => 'http://localhost:3000/Patient/p/Encounter/e' },
  ];
  for (const { dir, prefix, url } of sets) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
      const input = page(readFileSync(resolve(dir, file), 'utf8'), url(file));
      const own = DOM_ADAPTERS.find((a) => a !== generic && a.matches(input));
      if (!own) continue;
      const result = agreement(own.extract(input), generic.extract(input));
      if (result.checks > 0) out.push({ page: `${prefix}/${file}`, reference: own.id, result });
    }
  }
  return out;
}

function markdown(rows: Row[], agreements: PageAgreement[]): string {
  const lines = [
    '# Extraction benchmark',
    '',
    'Median time of one `adapter.extract()` on a page already parsed by happy-dom (Node 20, this machine), after 3 warm-up runs. `npm run bench -- extraction`.',
    '',
    '| page | nodes | adapter | median ms | target ms | |',
    '| --- | ---: | --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.page} | ${r.nodes} | ${r.adapter} | ${r.medianMs} | < ${r.targetMs} | ${r.medianMs < r.targetMs ? 'ok' : 'OVER'} |`),
    '',
    '## How well the generic adapter reads pages that have their own adapter',
    '',
    'Checks: patient name/MRN/DOB/sex, encounter kind/times/attending, each document found with kind, author, time, signature status, signer and signing time, each order with kind, authentication, time and orderer, each problem, each form field with required and filled state (bench/snapshot-agreement.ts).',
    '',
    '| page | reference adapter | generic agrees | checks | by area |',
    '| --- | --- | ---: | ---: | --- |',
    ...agreements.map((a) => `| ${a.page} | ${a.reference} | ${percent(a.result)} | ${a.result.checks} | ${Object.entries(a.result.byArea).map(([k, v]) => `${k} ${percent(v)}`).join(', ')} |`),
    '',
    'The generic adapter was written with the demo chart in view, so its demo figure flatters it; the Medplum rows are the honest contrast: Medplum prints values without labels (a name, a date, "Male"), which only a specific adapter can read.',
    '',
  ];
  return lines.join('\n');
}
