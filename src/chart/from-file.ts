import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { attachDeclarativeShadowRoots } from './dom/declarative-shadow.ts';
import { extractFromDom } from './extract.ts';
import { extractFromFhir } from './adapters/fhir.ts';
import type { ChartSnapshot } from './snapshot.ts';
import { withCoverage } from './coverage.ts';

/**
 * Node only: reads a saved page (.html), an XML document (C-CDA) or a FHIR JSON file into a
 * ChartSnapshot, with the same adapters the extension runs on live pages (happy-dom gives
 * them a standard DOM).
 */
export async function snapshotFromFile(path: string, now = new Date().toISOString()): Promise<ChartSnapshot> {
  const text = await readFile(path, 'utf8');
  const url = pathToFileURL(resolve(path)).href;
  return snapshotFromText(text, { url, now, name: basename(path) });
}

export function snapshotFromText(text: string, opts: { url: string; now: string; name: string }): ChartSnapshot {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return withCoverage(extractFromFhir(JSON.parse(text) as unknown, opts.url, opts.now));
  }
  const window = new Window({ url: opts.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true } } });
  try {
    const isXml = /\.xml$/i.test(opts.name) || /^(<\?xml|<ClinicalDocument)/.test(trimmed);
    const parser = new window.DOMParser();
    const document = parser.parseFromString(text, isXml ? 'application/xml' : 'text/html') as unknown as Document;
    // Skipped where there are none: querySelectorAll recurses in happy-dom, and a hostile page is deep.
    if (!isXml && text.includes('shadowrootmode')) attachDeclarativeShadowRoots(document);
    return extractFromDom({ document, url: opts.url, now: opts.now });
  } finally {
    void window.happyDOM.close();
  }
}
