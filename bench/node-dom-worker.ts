/**
 * One measurement of bench/node-dom.bench.ts in its own process, so its memory is its own and a
 * hostile page that runs away can be stopped: `xml happy-dom|cli` (every C-CDA in
 * ../shared/corpora), `html CASE` (one generated hostile page as the CLI reads it: cut to the read
 * budget, then happy-dom) or `html-unbudgeted CASE` (happy-dom on the whole page, as before the budget).
 * Prints one JSON line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { extractFromDom } from '../src/chart/extract.ts';
import { snapshotFromText } from '../src/chart/from-file.ts';
import { withinHtmlBudget } from '../src/chart/node-dom/html-budget.ts';
import { hostilePage } from './node-dom-pages.ts';

const NOW = '2026-11-24T12:00:00Z';
const CORPORA = resolve(process.cwd(), '../shared/corpora');

function xmlFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) xmlFiles(path, into);
    else if (/\.xml$/i.test(name)) into.push(path);
  }
  return into;
}

/** The browser-like DOM the tests and the content script's reading mirror. */
function readWithHappyDom(text: string): { adapter: string; failed: boolean } {
  const window = new Window({ url: 'file:///c.xml' });
  try {
    const document = new window.DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
    const snapshot = extractFromDom({ document, url: 'file:///c.xml', now: NOW });
    return { adapter: snapshot.source.adapter, failed: snapshot.warnings.some((w) => w.startsWith('The XML is not well-formed')) };
  } finally {
    void window.happyDOM.close();
  }
}

/** What `chartlint snapshot FILE.xml` does. */
function readWithCli(text: string, name: string): { adapter: string; failed: boolean } {
  try {
    return { adapter: snapshotFromText(text, { url: 'file:///c.xml', now: NOW, name }).source.adapter, failed: false };
  } catch {
    return { adapter: 'error', failed: true };
  }
}

const [kind, which] = process.argv.slice(2);
if (kind === 'xml') {
  const samples: number[] = [];
  let failed = 0;
  let ccda = 0;
  const files = existsOr(CORPORA) ? xmlFiles(CORPORA) : [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const start = performance.now();
    const result = which === 'cli' ? readWithCli(text, file) : readWithHappyDom(text);
    samples.push(performance.now() - start);
    if (result.failed) failed++;
    if (result.adapter === 'ccda') ccda++;
  }
  console.log(JSON.stringify({ files: files.length, samples, failed, ccda, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else if (kind === 'html') {
  const html = hostilePage(which!);
  const start = performance.now();
  const snapshot = snapshotFromText(html, { url: 'file:///hostile.html', now: NOW, name: 'hostile.html' });
  const ms = performance.now() - start;
  const cut = withinHtmlBudget(html);
  console.log(JSON.stringify({ bytes: html.length, parsedBytes: cut.html.length, ms, adapter: snapshot.source.adapter, truncated: snapshot.coverage?.truncated ?? false, why: cut.warnings, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  // `html-unbudgeted CASE`: happy-dom on the whole page, as the CLI read it before the budget.
  const html = hostilePage(which!);
  const start = performance.now();
  const window = new Window({ url: 'file:///hostile.html', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const snapshot = extractFromDom({ document, url: 'file:///hostile.html', now: NOW });
  console.log(JSON.stringify({ bytes: html.length, parsedBytes: html.length, ms: performance.now() - start, adapter: snapshot.source.adapter, truncated: snapshot.coverage?.truncated ?? false, why: [], maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function existsOr(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
