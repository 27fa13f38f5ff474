import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE_BUDGET } from '../../../src/chart/dom/walk.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { hostilePage } from './hostile-pages.ts';
import { loadHtml } from './load-page.ts';
import { snapshotProblems } from './snapshot-checks.ts';

/**
 * Hostile pages (issue 11 §5, issue 15) give a valid, possibly partial snapshot, never an
 * exception; a page beyond the reading budget is marked truncated and says so in a warning.
 * No timings here: bench/reading.bench.ts measures them.
 *
 * These tests build the pages in happy-dom directly, so they meet the reader itself. The CLI's
 * path for files (html-budget.ts cutting a page before happy-dom's parser, whose own cost on a
 * 50,000-option select or a 3 MB run of `>` is far beyond 2 s) is tested in html-budget.test.ts
 * and timed in bench/node-dom.bench.ts. Here, so the parse stays cheap:
 * - `select-50000-options`: the reader on a 1,000-option select.
 * - `attribute-3mb-of-gt`: the same 3 MB value set with setAttribute, which is instant, so the
 *   reader meets the full-size attribute.
 * - `spans-100000`: `tables-5000` (150,000 nodes) covers the node budget instead.
 */

const URL_OF_PAGE = 'http://ehr.example.test/chart';
const NOW = '2026-11-24T12:00:00Z';

/** What a reader that stopped early says in its warnings ("…only its first 54,272 nodes were read."). */
const PARTIAL_READ = /only its first [\d,]+ nodes were read|only part of (it|the page) was read|read was partial/i;

function read(document: Document): ChartSnapshot {
  const snapshot = extractFromDom({ document, url: URL_OF_PAGE, now: NOW });
  expect(snapshotProblems(snapshot)).toEqual([]);
  return snapshot;
}

/** Elements and text nodes under <html>: what the reader's walk counts against its node budget. */
function nodeCount(document: Document): number {
  const walker = document.createTreeWalker(document.documentElement, 0x1 | 0x4);
  let n = 1;
  while (walker.nextNode()) n++;
  return n;
}

/**
 * Over the node budget, the read must be marked partial. Under it, the time budget may still
 * cut the read on a slow machine; then too, coverage and warnings must agree.
 */
function expectHonestAboutBudget(snapshot: ChartSnapshot, nodes: number): void {
  const saysPartial = snapshot.warnings.some((w) => PARTIAL_READ.test(w));
  if (nodes > DEFAULT_NODE_BUDGET) {
    expect(snapshot.coverage?.truncated).toBe(true);
    expect(snapshot.warnings).toContainEqual(expect.stringMatching(PARTIAL_READ));
    expect(snapshot.coverage?.complete).toBe(false);
  } else {
    expect(saysPartial).toBe(snapshot.coverage?.truncated === true);
  }
}

/** The banner comes first on every page: a partial read still finds the patient. */
function expectBannerRead(snapshot: ChartSnapshot): void {
  expect(snapshot.patient.mrn?.value).toBe('00424242');
}

describe('hostile pages read without breaking', () => {
  it.each([
    { name: 'nested-10000', beyondBudget: false },
    { name: 'text-node-2mb', beyondBudget: false },
    // 5,000 results tables of 30 nodes each: beyond the node budget, so the read must say it is partial.
    { name: 'tables-5000', beyondBudget: true },
  ])('$name', ({ name, beyondBudget }) => {
    const document = loadHtml(hostilePage(name).html(), URL_OF_PAGE);
    const nodes = nodeCount(document);
    expect(nodes > DEFAULT_NODE_BUDGET).toBe(beyondBudget);
    const snapshot = read(document);
    expectHonestAboutBudget(snapshot, nodes);
    expectBannerRead(snapshot);
  }, 120_000);

  it('a select with 1,000 options (50,000 are benched: see above)', () => {
    const options = '<option>I50.23 Acute on chronic systolic heart failure</option>'.repeat(1_000);
    const html = hostilePage('select-50000-options').html().replace(/(<select id="dx">)(?:<option>.*?<\/option>)+/, `$1${options}`);
    expect(html.length).toBeLessThan(200_000);
    const document = loadHtml(html, URL_OF_PAGE);
    expect(document.querySelectorAll('option')).toHaveLength(1_000);
    const snapshot = read(document);
    expectBannerRead(snapshot);
    expect(snapshot.forms.find((f) => f.control === 'select')?.label).toMatch(/Diagnosis/);
  }, 60_000);

  it('a 3 MB attribute of ">" characters, set through the DOM (parsing it is benched: see above)', () => {
    const document = loadHtml(hostilePage('attribute-3mb-of-gt').html().replace(/ title="&*>+"/, ''), URL_OF_PAGE);
    const huge = '>'.repeat(3_000_000);
    for (const el of [document.body, ...document.querySelectorAll('div, h2, p')]) el.setAttribute('title', huge);
    document.querySelector('h2')!.setAttribute('id', huge);
    const snapshot = read(document);
    expectBannerRead(snapshot);
    expect(snapshot.documents.map((d) => d.title.value)).toContain('Progress Note');
  });

  it('invalid dates are never read as real ones', () => {
    // Every date on this page is impossible (02/30, 13/45, 25:61, 31-Feb, 02/29/2025, 04/31):
    // a reader that rolls one over (02/30 → March 2) invents a date the chart never held.
    const snapshot = read(loadHtml(hostilePage('invalid-dates').html(), URL_OF_PAGE));
    expect(JSON.stringify(snapshot).match(/"iso":"[^"]*"/g) ?? []).toEqual([]);
  });

  it('RTL, zero-width and combining characters in names', () => {
    const snapshot = read(loadHtml(hostilePage('rtl-zero-width-names').html(), URL_OF_PAGE));
    expect(snapshot.patient.name?.value).toMatch(/DOE/);
    expect(snapshot.documents.length).toBeGreaterThanOrEqual(2);
  });
});
