import type { DomAdapter, DomInput } from '../adapter.ts';
import type { ChartSnapshot } from '../snapshot.ts';
import { extractFromFhir } from './fhir.ts';

/**
 * A FHIR JSON resource open in a tab (a server's REST response, a downloaded Bundle): the
 * browser shows JSON as text, `<body><pre>{…}</pre></body>`, Chromium with a "pretty print"
 * control beside it (`div.json-formatter-container`). The text is parsed and read by the FHIR
 * adapter, so the tab reads as the resource, with JSON pointers as sources.
 */
export const fhirJsonView: DomAdapter = {
  id: 'fhir-json-view',
  matches: ({ document }: DomInput) => resourceOf(document) !== undefined,
  extract({ document, url, now }: DomInput): ChartSnapshot {
    const json = resourceOf(document);
    if (json === undefined) throw new Error('the page no longer shows a FHIR resource');
    return extractFromFhir(json, url, now);
  },
};

/** What the browser puts beside the text of a JSON document (Chromium's pretty-print control). */
const VIEWER_PARTS = /\bjson-formatter/;

let lastText: string | undefined;
let lastJson: unknown;

/** The FHIR resource the page shows as JSON text, or undefined for any other page. */
function resourceOf(document: Document): unknown {
  const body = document.body as HTMLElement | null;
  const pre = body?.firstElementChild;
  if (!body || pre?.localName !== 'pre') return undefined;
  // Nothing else on the page but the browser's own viewer parts: an EHR page that merely
  // shows some JSON in a <pre> is not a JSON document.
  for (let el = pre.nextElementSibling; el; el = el.nextElementSibling) {
    if (!VIEWER_PARTS.test(el.className)) return undefined;
  }
  const text = pre.textContent ?? '';
  if (text === lastText) return lastJson;
  const start = text.trimStart();
  if (!start.startsWith('{') || !/"resourceType"\s*:/.test(start)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const isResource = typeof json === 'object' && json !== null && typeof (json as { resourceType?: unknown }).resourceType === 'string';
  lastText = text;
  lastJson = isResource ? json : undefined;
  return lastJson;
}
