import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generic } from '../../../src/chart/adapters/generic.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { loadHtml } from './load-page.ts';
import { jsonProblems, pick, prng, shapeProblems } from './snapshot-checks.ts';

/**
 * Broken and hostile pages never throw out of extractFromDom and always give a snapshot that
 * serialises and has the contract's shape. Seeded, so a failure reproduces from its case name.
 */

const TAGS = ['div', 'span', 'p', 'table', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'ul', 'li', 'h2', 'h3', 'article', 'section',
  'form', 'label', 'input', 'select', 'option', 'textarea', 'iframe', 'footer', 'b', 'template', 'script', 'style', 'svg', 'x-note'];
const TEXTS = ['Electronically signed by Jane Roe, MD on 11/20/2026 16:45', 'Dictated but not signed', 'Co-signed by', 'Signed by',
  'MRN: 123', 'DOB: 02/30/2026', 'DOB: 99/99/9999', 'Patient:', 'Name: ', 'Admitted: 13/45/2026 25:61', '</script><script>alert(1)</script>',
  '${constructor}', '__proto__: x', '{{7*7}}', 'Pending signature', '·', '|', ':', 'I50.23', 'Active', '\u0000\u202e\ud800', 'Nov 31, 2026 2:05 PM',
  'Signed and Locked by', 'Progress Note', '   ', '&amp;&lt;&#0;&#x110000;'];
const ATTRS = ['id="__proto__"', 'class="constructor mantine-x PatientSummary_panel"', 'for="nowhere"', 'aria-labelledby="a b c"',
  'required', 'aria-required="true"', 'type="radio" name="r"', 'type="checkbox" checked', 'srcdoc="<h2>Frame</h2><p>Signed by A B, MD</p>"',
  'src="https://other.invalid/"', 'shadowrootmode="open"', 'role="article"', 'role="heading"', 'value="' + 'x'.repeat(5000) + '"',
  'onload="alert(1)"', 'style="display:none"', 'data-x=\'"\'', 'name="notes"', 'selected', 'id="a"', 'id="1234567890abcdef"'];

/** Random tag soup: unbalanced, truncated, attribute-laden. */
function randomHtml(rand: () => number): string {
  const out: string[] = [];
  const open: string[] = [];
  const steps = 20 + Math.floor(rand() * 400);
  for (let i = 0; i < steps; i++) {
    const r = rand();
    if (r < 0.4) {
      const tag = pick(rand, TAGS);
      const attrs = Array.from({ length: Math.floor(rand() * 3) }, () => pick(rand, ATTRS)).join(' ');
      out.push(`<${tag} ${attrs}>`);
      open.push(tag);
    } else if (r < 0.65 && open.length > 0) out.push(`</${rand() < 0.8 ? open.pop()! : pick(rand, TAGS)}>`);
    else out.push(pick(rand, TEXTS));
  }
  const html = out.join('');
  return rand() < 0.3 ? html.slice(0, Math.floor(rand() * html.length)) : html;
}

/** A real page with ranges cut, doubled and spliced at random, tags left half-written. */
function mutate(rand: () => number, page: string): string {
  let html = page;
  for (let i = 0, n = 1 + Math.floor(rand() * 6); i < n; i++) {
    const at = Math.floor(rand() * html.length);
    const len = Math.floor(rand() * 400);
    const r = rand();
    if (r < 0.35) html = html.slice(0, at) + html.slice(at + len);
    else if (r < 0.6) html = html.slice(0, at) + html.slice(at, at + len) + html.slice(at);
    else if (r < 0.85) html = html.slice(0, at) + randomHtml(rand).slice(0, 300) + html.slice(at);
    else html = html.slice(0, at);
  }
  return html;
}

function expectValid(snapshot: ChartSnapshot): void {
  expect([...jsonProblems(snapshot), ...shapeProblems(snapshot)]).toEqual([]);
}

function run(html: string): ChartSnapshot {
  const url = 'http://ehr.example.test/chart';
  const document = loadHtml(html, url);
  const now = '2026-11-24T12:00:00Z';
  // The whole chain (medplum, demo, generic) and the generic adapter alone, which claims anything.
  expectValid(extractFromDom({ document, url, now }, [generic]));
  const snapshot = extractFromDom({ document, url, now });
  expectValid(snapshot);
  // Close the page's window: hundreds of cases left open make every later one pay for their memory.
  void (document.defaultView as unknown as { happyDOM?: { close(): Promise<void> } } | null)?.happyDOM?.close();
  return snapshot;
}

const FIXTURES = [
  ...readdirSync(new URL('../../fixtures/generic/', import.meta.url)).filter((f) => f.endsWith('.html')).map((f) => new URL(`../../fixtures/generic/${f}`, import.meta.url)),
  new URL('../../fixtures/demo-ehr/chart.html', import.meta.url),
  resolve(process.cwd(), '../shared/corpora/ehr-pages/medplum/medplum-enc1.html'),
].filter((p) => existsSync(p)).map((p) => readFileSync(p, 'utf8'));

describe('extraction never throws on broken or hostile pages', () => {
  it.each(Array.from({ length: 200 }, (_, i) => i + 1))('random tag soup, seed %i', (seed) => {
    run(randomHtml(prng(seed)));
  });

  it.each(Array.from({ length: 120 }, (_, i) => i + 1))('mutated real page, seed %i', (seed) => {
    const rand = prng(10_000 + seed);
    run(mutate(rand, pick(rand, FIXTURES)));
  });

  it('reads a 50,000-node page in part at worst, with the patient banner found', () => {
    let rows = '';
    for (let i = 0; i < 6250; i++) rows += `<div class="row"><span>Result ${i}:</span> <b>${i % 97} mg/dL</b> <i>11/2${i % 10}/2026</i></div>`;
    const html = `<div>Patient: Doe, Jane · MRN: 42 · DOB: 01/02/1960</div>${rows}`;
    const snapshot = run(html);
    expect(snapshot.patient.mrn?.value).toBe('42');
  });

  it.each(['div', 'span', 'article', 'li', 'td'])('survives 5,000-deep nesting of <%s>', (tag) => {
    const html = `<h2>Progress Note</h2>${`<${tag}>x `.repeat(5000)}Electronically signed by A B, MD on 1/1/2026${`</${tag}>`.repeat(5000)}`;
    const snapshot = run(html);
    expect(snapshot.source.adapter).toBe('generic');
  });

  it('stops at its budget (nodes, or time on a slow machine) on a page far larger than any chart, and says so', () => {
    const html = '<p>Name: X</p>' + '<i>a</i>'.repeat(70_000);
    const snapshot = run(html);
    expect(snapshot.warnings.join(' ')).toMatch(/only its first [\d,]+ nodes were read/);
    expect(snapshot.coverage?.truncated).toBe(true);
    expect(snapshot.coverage?.complete).toBe(false);
  });

  it('keeps script-like text as text and runs nothing', () => {
    const html = '<h2>Note</h2><p>&lt;img src=x onerror=alert(1)&gt; <script>globalThis.pwned = 1</script></p><p>Signed by A B, MD on 1/1/2026</p>';
    const snapshot = run(html);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(snapshot.documents[0]?.signature.status).toBe('signed');
  });

  it('follows nested same-origin frames without looping', () => {
    const inner = '<h2>Inner</h2><p>Signed by C D, DO on 2/2/2026</p>';
    const middle = `<iframe name="inner" srcdoc="${inner.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></iframe>`;
    const html = `<iframe name="middle" srcdoc="${middle.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></iframe>`;
    const snapshot = run(html);
    expect(snapshot.documents.map((d) => d.source.frame)).toEqual(['inner']);
  });
});
