import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { xmlViewer } from '../../../src/chart/adapters/xml-viewer.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';

const NOW = '2026-11-24T12:00:00.000Z';
const EXAMPLE = resolve('../shared/corpora/ccda-hl7/ccda-examples/Unstructured/CDA with Embedded PDF 2/CDA_with_Embedded_PDF.xml');

/** The page Chromium builds for an XML file without a stylesheet: XHTML, the XML kept in a div. */
function viewerPage(xmlText: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({ url: 'http://127.0.0.1/doc.xml' });
  const document = window.document as unknown as Document;
  const parsed = new window.DOMParser().parseFromString(xmlText, 'application/xml') as unknown as Document;
  document.body.innerHTML = '<div id="webkit-xml-viewer-source-xml"></div><div class="pretty-print">tree view</div>';
  document.getElementById('webkit-xml-viewer-source-xml')!.append(document.importNode(parsed.documentElement, true));
  return { document, close: () => window.happyDOM.close() };
}

describe('xml-viewer adapter', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it.skipIf(!existsSync(EXAMPLE))('reads the C-CDA kept under Chromium’s XML viewer as the ccda adapter reads the file', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const page = viewerPage(text);
    close = page.close;
    const input = { document: page.document, url: 'http://127.0.0.1/doc.xml', now: NOW };
    expect(xmlViewer.matches(input)).toBe(true);
    const snapshot = extractFromDom(input);
    expect(snapshot.source.adapter).toBe('ccda');
    expect(snapshot.patient.name?.value).toBe('Roger Rienman McBee');
    expect(snapshot.documents[0]?.signature.status).toBe('unsigned');
    expect(snapshot.documents[0]?.author?.name.value).toBe('Roger Rienman McBee');
  });

  it('leaves other XML and ordinary pages to the other adapters', () => {
    const page = viewerPage('<catalog><book id="1">Moby Dick</book></catalog>');
    close = page.close;
    expect(xmlViewer.matches({ document: page.document, url: 'http://127.0.0.1/books.xml', now: NOW })).toBe(false);
    const plain = new Window();
    plain.document.body.innerHTML = '<h1>Chart</h1>';
    expect(xmlViewer.matches({ document: plain.document as unknown as Document, url: 'http://127.0.0.1/', now: NOW })).toBe(false);
    void plain.happyDOM.close();
  });
});
