import { describe, expect, it } from 'vitest';
import { extractFromDom } from '../../../src/chart/extract.ts';
import { ChartReader } from '../../../src/content/chart-reader.ts';
import { CopyBudgeter } from '../../../src/content/copy-budget.ts';
import { copyPage, pageNodes, type CopyBudget } from '../../../src/content/page-copy.ts';
import { Slices } from '../../../src/content/slices.ts';
import { hostilePage } from '../chart/hostile-pages.ts';
import { loadHtml } from '../chart/load-page.ts';

/**
 * The content script reads a page too large for one task from a copy of its start, made in
 * slices (src/content/page-copy.ts). The copy must read like the page itself, as far as it goes.
 * No timings here: tests/e2e/hostile-long-tasks.test.ts times the slices in Chromium.
 */

const URL_OF_PAGE = 'http://ehr.example.test/chart';
const NOW = '2026-11-24T12:00:00Z';
const WIDE: CopyBudget = { nodes: 120_000, optionsPerSelect: 500, chars: 100_000 };

const copyOf = (document: Document, budget: CopyBudget = WIDE) => copyPage(document, budget, new Slices());

describe('a copy of the page', () => {
  it('within the budget, reads exactly as the page', async () => {
    const html = `${hostilePage('invalid-dates').html()}<div id="x"><label>Dx <select><option>A</option><option selected>B</option></select></label>`
      + '<label>Note <textarea>typed</textarea></label><my-card></my-card></div>';
    const live = loadHtml(html, URL_OF_PAGE);
    live.querySelector('my-card')!.attachShadow({ mode: 'open' }).innerHTML = '<h2>Consultation</h2><p>Signed by A B, DO on 11/21/2026 10:00</p>';
    live.querySelector('textarea')!.value = 'typed since';
    const copy = await copyOf(live);
    expect(copy.truncated).toBe(false);
    expect(copy.warnings).toEqual([]);
    const read = (document: Document) => extractFromDom({ document, url: URL_OF_PAGE, now: NOW });
    expect(read(copy.document)).toEqual(read(live));
  });

  it('stops at the node budget, before the first node past it, and says so', async () => {
    const live = loadHtml(hostilePage('spans-100000').html(), URL_OF_PAGE);
    expect(pageNodes(live, 2_000)).toBe(2_001);
    const copy = await copyOf(live, { ...WIDE, nodes: 2_000 });
    expect(copy).toMatchObject({ nodes: 2_000, truncated: true });
    expect(pageNodes(copy.document, 10_000)).toBeLessThanOrEqual(2_000);
    expect(copy.warnings).toEqual(['This page is very large: only its first 2,000 nodes were read, so as not to slow the page down.']);
    // The start of the page is all there: its banner and its note.
    const snapshot = new ChartReader(live).readCopy(copy.document, URL_OF_PAGE, NOW, copy);
    expect(snapshot.kind).toBe('full');
    if (snapshot.kind !== 'full') return;
    expect(snapshot.snapshot.patient.mrn?.value).toBe('00424242');
    expect(snapshot.snapshot.coverage?.truncated).toBe(true);
    expect(snapshot.snapshot.warnings).toContain(copy.warnings[0]);
  });

  it('keeps the first options of a long select and the chosen one', async () => {
    const options = Array.from({ length: 40 }, (_, i) => `<option value="${i}">Choice ${i}</option>`).join('');
    const live = loadHtml(`<label>Dx <select id="dx">${options}</select></label>`, URL_OF_PAGE);
    (live.getElementById('dx') as HTMLSelectElement).value = '33';
    const copy = await copyOf(live, { ...WIDE, optionsPerSelect: 5 });
    const select = copy.document.getElementById('dx') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['0', '1', '2', '3', '4', '33']);
    expect(select.value).toBe('33');
    expect(copy.warnings).toEqual(['A list of 40 choices was cut to its first 5 (and the chosen ones): only part of the page was read.']);
  });

  it('skips the rest of a long select once its budget is spent, keeping every chosen option and what follows it', async () => {
    const group = (g: number) => `<optgroup label="G${g}">${Array.from({ length: 1_000 }, (_, i) => `<option value="${g}-${i}">Choice ${g}-${i}</option>`).join('')}</optgroup>`;
    const live = loadHtml(`<label>Dx <select id="dx" multiple>${group(1)}${group(2)}</select></label><p id="after">After</p>`, URL_OF_PAGE);
    for (const value of ['1-700', '2-999']) (live.querySelector(`option[value="${value}"]`) as HTMLOptionElement).selected = true;
    const copy = await copyOf(live, { ...WIDE, optionsPerSelect: 5 });
    const select = copy.document.getElementById('dx') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['1-0', '1-1', '1-2', '1-3', '1-4', '1-700', '2-999']);
    expect([...select.selectedOptions].map((o) => [o.value, o.textContent])).toEqual([['1-700', 'Choice 1-700'], ['2-999', 'Choice 2-999']]);
    expect(copy.document.getElementById('after')?.textContent).toBe('After');
    expect(copy.visited).toBeLessThan(60);
    expect(copy.warnings).toEqual(['A list of 2,000 choices was cut to its first 5 (and the chosen ones): only part of the page was read.']);
  });

  it('cuts a long attribute value or text', async () => {
    const live = loadHtml(`<div title="${'>'.repeat(5_000)}">${'word '.repeat(2_000)}</div>`, URL_OF_PAGE);
    const copy = await copyOf(live, { ...WIDE, chars: 1_000 });
    expect(copy.document.querySelector('div')?.getAttribute('title')).toHaveLength(1_000);
    expect(copy.document.querySelector('div')?.textContent).toHaveLength(1_000);
    expect(copy.warnings).toEqual(['2 text or attribute values longer than 1,000 characters cut to that length: only part of the page was read.']);
  });

  it('copies no script content, and nothing in it runs', async () => {
    const live = loadHtml('<p>Chart</p><script>window.ran = true;</script>', URL_OF_PAGE);
    const copy = await copyOf(live);
    expect(copy.document.querySelector('script')?.textContent).toBe('');
    expect(copy.document.querySelector('p')?.textContent).toBe('Chart');
  });
});

describe('the size of a copy', () => {
  it('is what the last readings say fits in the target time, within its bounds', () => {
    const budgeter = new CopyBudgeter(WIDE, 20, 500);
    expect(budgeter.budget.nodes).toBe(120_000);
    budgeter.observe(1_000, 10);
    expect(budgeter.budget.nodes).toBe(2_000);
    budgeter.observe(2_000, 60);
    expect(budgeter.budget.nodes).toBe(1_000);
    budgeter.observe(1_000, 1_000);
    expect(budgeter.budget.nodes).toBe(500);
  });
});
