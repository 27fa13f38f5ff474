Error.stackTraceLimit = Infinity;
import { loadHtml } from './tests/unit/chart/load-page.ts';
import { scanPage } from './src/chart/dom/page-scan.ts';
import { generic } from './src/chart/adapters/generic.ts';
import { medplum } from './src/chart/adapters/medplum.ts';
import { demoEhr } from './src/chart/adapters/demo-ehr.ts';
import { findDocuments } from './src/chart/dom/document-blocks.ts';
let items = ''; for (let i = 0; i < 12500; i++) items += `<div class="r"><span>Label ${i}:</span> <b>v${i}</b></div>`;
const d = loadHtml(`<html><body>${items}</body></html>`, 'http://x/');
const input = { document: d, url: 'http://x/', now: 'N' };
for (let k = 0; k < 0; k++) {
let t = performance.now();
const scan = scanPage(d); console.log('scan', (performance.now() - t).toFixed(0), scan.lines.length); t = performance.now();
findDocuments(scan, []); console.log('docs', (performance.now() - t).toFixed(0)); t = performance.now();
generic.extract(input); console.log('generic', (performance.now() - t).toFixed(0)); t = performance.now();
medplum.matches(input); console.log('medplum.matches', (performance.now() - t).toFixed(0)); t = performance.now();
demoEhr.matches(input); console.log('demo.matches', (performance.now() - t).toFixed(0)); t = performance.now();
}
const deep = (n: number, tag: string) => `<${tag}>x`.repeat(n) + 'Electronically signed by A B, MD on 1/1/2026' + `</${tag}>`.repeat(n);
const d2 = loadHtml(`<html><body><h2>Progress Note</h2>${deep(5000, 'article')}</body></html>`, 'http://x/');
try { findDocuments(scanPage(d2), []); } catch (e) { console.log((e as Error).stack?.split('\n').filter((l, i, a) => a.indexOf(l) === i).slice(0, 30).join('\n')); }
