import { describe, expect, it } from 'vitest';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { SourceRef } from '../../../src/chart/snapshot.ts';
import { locate } from '../../../src/content/highlight.ts';
import type { CopyBudget } from '../../../src/content/page-copy.ts';
import { pageMarkup } from '../../../src/content/page-markup.ts';
import { Slices } from '../../../src/content/slices.ts';
import { readMarkup, type MarkupRead } from '../../../src/offscreen/read-markup.ts';
import { hostilePage } from '../chart/hostile-pages.ts';
import { loadHtml } from '../chart/load-page.ts';

/**
 * A page too large to read on its main thread is written out as HTML in slices
 * (src/content/page-markup.ts) and read elsewhere from that markup. Parsed again, the markup
 * must read like the live page, form state included, and its SourceRefs must find the live
 * page's elements. No timings here: tests/e2e/large-page.test.ts times the slices in Chromium.
 */

const URL_OF_PAGE = 'http://ehr.example.test/chart';
const NOW = '2026-11-24T12:00:00Z';
const WIDE: CopyBudget = { nodes: 120_000, optionsPerSelect: 500, chars: 100_000 };

const markupOf = (document: Document, budget: CopyBudget = WIDE) => pageMarkup(document, budget, new Slices());
/** Parsed as the offscreen document's DOMParser would (happy-dom here; its shadow roots attached). */
const parse = (html: string) => loadHtml(html, URL_OF_PAGE);
const read = (document: Document) => extractFromDom({ document, url: URL_OF_PAGE, now: NOW });

/** A chart with a form whose state the user changed after the page loaded, and a component's shadow root. */
function liveChart(): Document {
  const html = `${hostilePage('invalid-dates').html()}<form id="f">`
    + '<label>Dx <select id="dx"><option selected>A</option><option>B</option></select></label>'
    + '<label>Disposition <input id="dispo" value="Home"></label>'
    + '<label><input type="checkbox" id="reviewed" checked> Reviewed</label>'
    + '<label><input type="radio" name="r" id="r1" checked> One</label><label><input type="radio" name="r" id="r2"> Two</label>'
    + '<label>Password <input type="password" id="pw"></label>'
    + '<label>Note <textarea id="note">default</textarea></label></form><my-card></my-card>';
  const live = loadHtml(html, URL_OF_PAGE);
  live.querySelector('my-card')!.attachShadow({ mode: 'open' }).innerHTML = '<h2>Consultation</h2><p>Author: A B, DO · 11/21/2026 10:00</p><p>Pending signature</p>';
  (live.getElementById('dx') as HTMLSelectElement).value = 'B';
  (live.getElementById('dispo') as HTMLInputElement).value = 'Skilled nursing facility';
  (live.getElementById('reviewed') as HTMLInputElement).checked = false;
  (live.getElementById('r2') as HTMLInputElement).checked = true;
  (live.getElementById('pw') as HTMLInputElement).value = 'secret';
  (live.getElementById('note') as HTMLTextAreaElement).value = 'typed since <b>& more</b>';
  return live;
}

describe('the markup of a large page', () => {
  it('within the budget, reads exactly as the page, form state and shadow roots included', async () => {
    const live = liveChart();
    const markup = await markupOf(live);
    expect(markup).toMatchObject({ truncated: false, warnings: [] });
    const parsed = parse(markup.html);
    expect(read(parsed)).toEqual(read(live));
    // The reader the offscreen document runs, on the message it is sent.
    const message: MarkupRead = { type: 'cs-bg-read-markup', html: markup.html, url: URL_OF_PAGE, now: NOW, seq: 1, profile: null, truncated: false, warnings: [] };
    expect(readMarkup(message, parse)).toEqual(read(live));
  });

  it('carries the current form state, not the page’s defaults, and never a password', async () => {
    const parsed = parse((await markupOf(liveChart())).html);
    expect((parsed.getElementById('dx') as HTMLSelectElement).value).toBe('B');
    expect((parsed.getElementById('dispo') as HTMLInputElement).value).toBe('Skilled nursing facility');
    expect((parsed.getElementById('reviewed') as HTMLInputElement).checked).toBe(false);
    expect((parsed.getElementById('r1') as HTMLInputElement).checked).toBe(false);
    expect((parsed.getElementById('r2') as HTMLInputElement).checked).toBe(true);
    expect((parsed.getElementById('note') as HTMLTextAreaElement).value).toBe('typed since <b>& more</b>');
    expect((parsed.getElementById('pw') as HTMLInputElement).value).toBe('');
    expect((parsed.querySelector('my-card')!.shadowRoot?.textContent ?? '')).toContain('Pending signature');
  });

  it('has SourceRefs that find the live page’s elements', async () => {
    const live = liveChart();
    const snapshot = read(parse((await markupOf(live)).html));
    const refs = [...snapshot.documents.map((d) => d.source), ...snapshot.documents.map((d) => d.signature.line?.source), ...snapshot.documents.map((d) => d.title.source)].filter((ref): ref is SourceRef => ref?.selector !== undefined);
    expect(refs.length).toBeGreaterThan(2);
    for (const ref of refs) expect(locate(live, ref), ref.selector).toBeDefined();
  });

  it('writes text and attributes so that they parse back unchanged, and nothing of scripts or the page’s own templates', async () => {
    const live = loadHtml('<p id="a" title="say &quot;hi&quot; &amp; <go>">1 &lt; 2 &amp;&amp; 3 &gt; 2&nbsp;x</p><script>document.title = "ran"</script>'
      + '<div id="host"><template shadowrootmode="open"><p>Inside</p></template><p>Light</p></div>', URL_OF_PAGE);
    const { html } = await markupOf(live);
    expect(html).not.toContain('document.title');
    const parsed = parse(html);
    expect(parsed.getElementById('a')!.getAttribute('title')).toBe(live.getElementById('a')!.getAttribute('title'));
    expect(parsed.getElementById('a')!.textContent).toBe(live.getElementById('a')!.textContent);
    // Whatever the live page made of that template, the markup never turns it into a shadow root the page did not have.
    expect(parsed.getElementById('host')!.shadowRoot ?? null).toEqual(live.getElementById('host')!.shadowRoot ?? null);
    expect(parsed.getElementById('host')!.textContent).toContain('Light');
  });

  it('stops at the node budget and says so', async () => {
    const live = loadHtml(hostilePage('spans-100000').html(), URL_OF_PAGE);
    const markup = await markupOf(live, { ...WIDE, nodes: 2_000 });
    expect(markup).toMatchObject({ nodes: 2_000, truncated: true });
    expect(markup.warnings).toEqual(['This page is very large: only its first 2,000 nodes were read, so as not to slow the page down.']);
    const snapshot = readMarkup({ type: 'cs-bg-read-markup', html: markup.html, url: URL_OF_PAGE, now: NOW, seq: 1, profile: null, truncated: markup.truncated, warnings: markup.warnings }, parse);
    expect(snapshot.patient.mrn?.value).toBe('00424242');
    expect(snapshot.coverage?.truncated).toBe(true);
    expect(snapshot.warnings).toContain(markup.warnings[0]);
  });

  it('keeps the first options of a long select and the chosen one, and cuts long values', async () => {
    const options = Array.from({ length: 40 }, (_, i) => `<option value="${i}">Choice ${i}</option>`).join('');
    const live = loadHtml(`<label>Dx <select id="dx">${options}</select></label><p title="${'x'.repeat(50)}">${'y'.repeat(50)}</p>`, URL_OF_PAGE);
    (live.getElementById('dx') as HTMLSelectElement).value = '33';
    const markup = await markupOf(live, { ...WIDE, optionsPerSelect: 5, chars: 20 });
    const select = parse(markup.html).getElementById('dx') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['0', '1', '2', '3', '4', '33']);
    // The chosen one is marked as the browser's parser selects from (happy-dom's parser ignores the mark).
    expect([...select.options].filter((o) => o.hasAttribute('selected')).map((o) => o.value)).toEqual(['33']);
    expect(markup.truncated).toBe(true);
    expect(markup.warnings).toEqual([
      'A list of 40 choices was cut to its first 5 (and the chosen ones): only part of the page was read.',
      '2 text or attribute values longer than 20 characters cut to that length: only part of the page was read.',
    ]);
  });

  it('skips the rest of a long select once its budget is spent, keeping every chosen option and what follows it', async () => {
    const group = (g: number) => `<optgroup label="G${g}">${Array.from({ length: 1_000 }, (_, i) => `<option value="${g}-${i}">Choice ${g}-${i}</option>`).join('')}</optgroup>`;
    const live = loadHtml(`<label>Dx <select id="dx" multiple>${group(1)}${group(2)}</select></label><p id="after">Signed by Ann Roe, MD</p>`, URL_OF_PAGE);
    for (const value of ['1-700', '2-999']) (live.querySelector(`option[value="${value}"]`) as HTMLOptionElement).selected = true;
    const markup = await markupOf(live, { ...WIDE, optionsPerSelect: 5 });
    const copy = parse(markup.html);
    expect([...(copy.getElementById('dx') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['1-0', '1-1', '1-2', '1-3', '1-4', '1-700', '2-999']);
    expect(copy.getElementById('after')?.textContent).toBe('Signed by Ann Roe, MD');
    // Written, not walked: the 4,000 nodes of the choices past the budget are not gone through.
    expect(markup.visited).toBeLessThan(60);
    expect(markup.warnings).toEqual(['A list of 2,000 choices was cut to its first 5 (and the chosen ones): only part of the page was read.']);
  });
});
