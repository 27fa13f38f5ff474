import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { fhirJsonView } from '../../../src/chart/adapters/fhir-json-view.ts';
import { extractFromFhir } from '../../../src/chart/adapters/fhir.ts';
import { withCoverage } from '../../../src/chart/coverage.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';

const NOW = '2026-11-24T12:00:00.000Z';
const URL_ = 'http://127.0.0.1/fhir/Bundle/preliminary-note';
const TEXT = readFileSync(new URL('../../fixtures/fhir/preliminary-note.json', import.meta.url), 'utf8');

/** A page as the browser builds it around a JSON response. */
function page(bodyHtml: string, text?: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({ url: URL_ });
  const document = window.document as unknown as Document;
  document.body.innerHTML = bodyHtml;
  if (text !== undefined) document.querySelector('pre')!.textContent = text;
  return { document, close: () => window.happyDOM.close() };
}

describe('fhir-json-view adapter', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('reads a FHIR Bundle shown as text (Chromium’s pre with its pretty-print control) as the FHIR adapter reads the file', () => {
    const p = page('<pre></pre><div class="json-formatter-container"><label><input type="checkbox">Pretty-print</label></div>', TEXT);
    close = p.close;
    const input = { document: p.document, url: URL_, now: NOW };
    expect(fhirJsonView.matches(input)).toBe(true);
    const snapshot = extractFromDom(input);
    expect(snapshot.source.adapter).toBe('fhir');
    expect(snapshot).toEqual({ ...withCoverage(extractFromFhir(JSON.parse(TEXT), URL_, NOW)), source: snapshot.source });
    expect(snapshot.patient.name?.value).toBe('Tam Nguyen');
    expect(snapshot.documents.map((d) => d.signature.status)).toContain('unsigned');
  });

  it('reads a bare <pre> (no viewer control), as older browsers show JSON', () => {
    const p = page('<pre style="word-wrap: break-word; white-space: pre-wrap;"></pre>', TEXT);
    close = p.close;
    expect(fhirJsonView.matches({ document: p.document, url: URL_, now: NOW })).toBe(true);
  });

  it('leaves alone JSON that is not FHIR, broken JSON, and EHR pages that show JSON among other content', () => {
    const cases: [string, string | undefined][] = [
      ['<pre></pre>', '{"name": "not a resource"}'],
      ['<pre></pre>', '{"resourceType": "Bundle", "entry": ['],
      ['<pre></pre>', '["resourceType"]'],
      ['<pre></pre><section><h1>Interface log</h1></section>', TEXT],
      ['<h1>Chart</h1><pre></pre>', TEXT],
    ];
    for (const [html, text] of cases) {
      const p = page(html, text);
      expect(fhirJsonView.matches({ document: p.document, url: URL_, now: NOW }), `${html} ${text?.slice(0, 30)}`).toBe(false);
      void p.close();
    }
  });
});
