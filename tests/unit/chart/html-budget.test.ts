import { Window } from 'happy-dom';
import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { snapshotFromText } from '../../../src/chart/from-file.ts';
import { HTML_FILE_BUDGET, withinHtmlBudget, type HtmlBudget } from '../../../src/chart/node-dom/html-budget.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { hostilePage } from './hostile-pages.ts';
import { snapshotProblems } from './snapshot-checks.ts';

/**
 * The CLI's read budget for saved pages (issue 15): hostile pages, generated here at full size,
 * are cut before happy-dom parses them and read as partial snapshots that say why. No timings
 * here: bench/node-dom.bench.ts measures them.
 */

const NOW = '2026-11-24T12:00:00Z';
const PARTIAL = /only (its first [\d,]+ nodes were read|part of the page was read)/;

const fromText = (html: string): ChartSnapshot => {
  const snapshot = snapshotFromText(html, { url: 'file:///hostile.html', now: NOW, name: 'hostile.html' });
  expect(snapshotProblems(snapshot)).toEqual([]);
  return snapshot;
};

const small = (over: Partial<HtmlBudget>): HtmlBudget => ({ ...HTML_FILE_BUDGET, ...over });

/** Elements and text runs, as the budget counts them. */
function nodesOf(html: string): number {
  let n = 0;
  let text = false;
  const counted: Record<string, () => void> = {
    onopentagname: () => { n++; text = false; },
    ontext: () => { if (!text) n++; text = true; },
  };
  // Every other token ends a text run.
  const callbacks = new Proxy(counted, { get: (own, key: string) => own[key] ?? (() => { text = false; }) });
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks as never);
  tokenizer.write(html);
  tokenizer.end();
  return n;
}

function parse(html: string): Document {
  return new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function expectPartial(snapshot: ChartSnapshot, why: RegExp): void {
  expect(snapshot.coverage?.truncated).toBe(true);
  expect(snapshot.coverage?.complete).toBe(false);
  expect(snapshot.warnings).toContainEqual(expect.stringMatching(why));
  expect(snapshot.warnings).toContainEqual(expect.stringMatching(PARTIAL));
}

describe('hostile pages, full size, as the CLI reads them', () => {
  it('a select of 50,000 options: cut to the budget, the field still read', () => {
    const html = hostilePage('select-50000-options').html();
    const { html: cut } = withinHtmlBudget(html);
    expect(parse(cut).querySelectorAll('option')).toHaveLength(HTML_FILE_BUDGET.optionsPerSelect);
    const snapshot = fromText(html);
    expectPartial(snapshot, /A list of 50,000 choices \("dx"\) was cut to its first 500/);
    expect(snapshot.forms.find((f) => f.control === 'select')?.label).toMatch(/Diagnosis/);
    expect(snapshot.patient.mrn?.value).toBe('00424242');
  });

  it('a 3 MB attribute of ">": cut to the budget, the note still read', () => {
    const html = hostilePage('attribute-3mb-of-gt').html();
    const { html: cut } = withinHtmlBudget(html);
    expect(parse(cut).querySelector('div[title]')?.getAttribute('title')).toBe('>'.repeat(HTML_FILE_BUDGET.attributeChars));
    const snapshot = fromText(html);
    expectPartial(snapshot, /1 attribute value longer than 1,000,000 characters cut/);
    expect(snapshot.documents.map((d) => d.title.value)).toContain('Progress Note');
  });

  it.each(['spans-100000', 'tables-5000'])('%s: cut at the node budget, the banner still read', (name) => {
    const html = hostilePage(name).html();
    expect(nodesOf(html)).toBeGreaterThan(HTML_FILE_BUDGET.nodes);
    const { html: cut } = withinHtmlBudget(html);
    expect(nodesOf(cut)).toBeLessThanOrEqual(HTML_FILE_BUDGET.nodes);
    const snapshot = fromText(html);
    expectPartial(snapshot, /^This page is very large: only its first 40,000 nodes were read \(the last [\d.]+ [KM]B of the file was left unread\)\.$/);
    expect(snapshot.patient.mrn?.value).toBe('00424242');
  });

  it('a 2 MB run of text: cut to the budget, the note after it still read', () => {
    const snapshot = fromText(hostilePage('text-node-2mb').html());
    expectPartial(snapshot, /^1 run of text longer than 1,000,000 characters cut to that length/);
    expect(snapshot.documents.map((d) => d.title.value)).toContain('Progress Note');
  });

  it('a page within the budget is parsed as it is, and its read is not marked partial by the cut', () => {
    for (const name of ['nested-10000', 'invalid-dates', 'rtl-zero-width-names']) {
      const html = hostilePage(name).html();
      expect(withinHtmlBudget(html)).toEqual({ html, truncated: false, warnings: [] });
    }
  });
});

describe('what the budget cuts, and how', () => {
  it('cuts before the first node past the budget, at a tag boundary', () => {
    const html = '<div id="a"><p>one</p><p>two</p><p>three</p></div>';
    const { html: cut, truncated } = withinHtmlBudget(html, small({ nodes: 5 }));
    expect(truncated).toBe(true);
    expect(cut).toBe('<div id="a"><p>one</p><p>two</p>');
    expect(parse(cut).getElementById('a')?.textContent).toBe('onetwo');
  });

  it('does not count script and style text, nor blank runs', () => {
    const html = '<style>p{}</style><script>var a = "<p>";</script>\n  <p>x</p>';
    expect(withinHtmlBudget(html, small({ nodes: 4 })).truncated).toBe(false);
  });

  it('keeps the chosen option past the cut, so the field keeps its value', () => {
    const options = Array.from({ length: 30 }, (_, i) => `<option value="${i}"${i === 25 ? ' selected' : ''}>Choice ${i}</option>`).join('');
    const { html: cut, warnings } = withinHtmlBudget(`<label>Dx <select name="dx">${options}</select></label><p>after</p>`, small({ optionsPerSelect: 5 }));
    const document = parse(cut);
    expect([...document.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Choice 0', 'Choice 1', 'Choice 2', 'Choice 3', 'Choice 4', 'Choice 25']);
    // (happy-dom 21 gets the selected index of such a select wrong; the attribute is what counts.)
    expect(document.querySelector('option[selected]')?.getAttribute('value')).toBe('25');
    expect(document.querySelector('p')?.textContent).toBe('after');
    expect(warnings).toEqual(['A list of 30 choices ("dx") was cut to its first 5 (and the chosen ones): only part of the page was read.']);
  });

  it('ends a select without its end tag at the next element, keeping the page after it', () => {
    const { html: cut } = withinHtmlBudget(`<select>${'<option>o</option>'.repeat(10)}<input id="next">`, small({ optionsPerSelect: 3 }));
    expect(cut).toBe(`<select>${'<option>o</option>'.repeat(3)}<input id="next">`);
  });

  it('cuts a long text run without splitting an entity', () => {
    const { html: cut, warnings } = withinHtmlBudget(`<p>${'a'.repeat(8)}&amp;bbbb</p>`, small({ textChars: 10 }));
    expect(cut).toBe(`<p>${'a'.repeat(8)}</p>`);
    expect(warnings).toEqual(['1 run of text longer than 10 characters cut to that length: only part of the page was read.']);
  });

  it('writes many stray ">" as "&gt;": the same text to the parser, nothing marked partial', () => {
    const html = `<p title="${'a>'.repeat(600)}">${'b>'.repeat(600)}</p><script>if (a > b) {}</script>`;
    const { html: rewritten, truncated } = withinHtmlBudget(html);
    expect(truncated).toBe(false);
    expect(rewritten).not.toBe(html);
    expect(rewritten).toContain('if (a > b)');
    const [before, after] = [parse(html), parse(rewritten)];
    expect(after.body.innerHTML).toBe(before.body.innerHTML);
  });
});
