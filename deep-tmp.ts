import { loadHtml } from './tests/unit/chart/load-page.ts';
import { extractFromDom } from './src/chart/extract.ts';
const deep = (n: number, tag: string) => `<${tag}>x`.repeat(n) + 'Electronically signed by A B, MD on 1/1/2026' + `</${tag}>`.repeat(n);
for (const [n, tag] of [[5000, 'div'], [5000, 'span'], [5000, 'article'], [20000, 'div']] as const) {
  let t = performance.now();
  const d = loadHtml(`<html><body><h2>Progress Note</h2>${deep(n, tag)}</body></html>`, 'http://x/');
  const parse = performance.now() - t; t = performance.now();
  const s = extractFromDom({ document: d, url: 'http://x/', now: 'N' });
  console.log(n, tag, 'parse', parse.toFixed(0), 'extract', (performance.now() - t).toFixed(0), s.source.adapter, s.documents.length, s.warnings);
}
let items = ''; for (let i = 0; i < 12500; i++) items += `<div class="r"><span>Label ${i}:</span> <b>v${i}</b></div>`;
let t = performance.now();
const d = loadHtml(`<html><body>${items}</body></html>`, 'http://x/');
const parse = performance.now() - t; t = performance.now();
const s = extractFromDom({ document: d, url: 'http://x/', now: 'N' });
console.log('50k', d.getElementsByTagName('*').length, 'parse', parse.toFixed(0), 'extract', (performance.now() - t).toFixed(0), s.warnings);
