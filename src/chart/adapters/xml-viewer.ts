import type { DomAdapter, DomInput } from '../adapter.ts';
import type { ChartSnapshot } from '../snapshot.ts';
import { ccda } from './ccda.ts';

/**
 * Chromium's view of a raw XML file without a stylesheet (a C-CDA opened from a portal or a
 * download): the tab's document becomes an XHTML tree viewer and the original XML is kept
 * under `#webkit-xml-viewer-source-xml`. This adapter lifts that XML back into a document of
 * its own and reads it with the C-CDA adapter, so the tab reads as the document it shows.
 * Firefox keeps the XML document itself, which `ccda` reads directly.
 */
export const xmlViewer: DomAdapter = {
  id: 'xml-viewer',
  matches(input: DomInput): boolean {
    const xml = sourceDocument(input.document);
    return xml !== undefined && ccda.matches({ ...input, document: xml });
  },
  extract(input: DomInput): ChartSnapshot {
    const xml = sourceDocument(input.document);
    if (!xml) throw new Error('the XML viewer holds no XML document');
    return ccda.extract({ ...input, document: xml });
  },
};

const SOURCE_ID = 'webkit-xml-viewer-source-xml';
/** The lifted document per viewer node: the view is static, so it is built once per page. */
const lifted = new WeakMap<Element, Document>();

function sourceDocument(document: Document): Document | undefined {
  const holder = document.getElementById(SOURCE_ID);
  const root = holder?.firstElementChild;
  if (!holder || !root) return undefined;
  const cached = lifted.get(root);
  if (cached) return cached;
  const view = document.defaultView;
  if (!view) return undefined;
  // Serialised and parsed again (rather than imported): a true XMLDocument in every DOM,
  // including happy-dom, whose createDocument gives an HTML document.
  const text = new view.XMLSerializer().serializeToString(root);
  const xml = new view.DOMParser().parseFromString(text, 'application/xml');
  lifted.set(root, xml);
  return xml;
}
