import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { attachDeclarativeShadowRoots } from './dom/declarative-shadow.ts';
import { extractFromDom } from './extract.ts';
import { ccda } from './adapters/ccda.ts';
import { extractFromFhir } from './adapters/fhir.ts';
import { fileText } from './node-dom/file-text.ts';
import { withinHtmlBudget } from './node-dom/html-budget.ts';
import { sniffFormat } from './node-dom/sniff.ts';
import { parseXml } from './node-dom/xml-document.ts';
import { UnreadableFileError } from './node-dom/unreadable-file.ts';
import type { ChartSnapshot } from './snapshot.ts';
import { withCoverage } from './coverage.ts';

export { UnreadableFileError } from './node-dom/unreadable-file.ts';

/**
 * Node only: reads a saved page (.html), an XML document (C-CDA) or a FHIR JSON file into a
 * ChartSnapshot, with the same adapters the extension runs on live pages. C-CDA is parsed by a
 * conforming XML parser (see node-dom/xml-document.ts); pages, and XML no C-CDA reader claims,
 * by happy-dom, a browser-like DOM. A file that is none of these, or is broken, throws an
 * UnreadableFileError (one line, for the CLI to print after the file name); so does a file
 * that cannot be read at all.
 */
export async function snapshotFromFile(path: string, now = new Date().toISOString()): Promise<ChartSnapshot> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UnreadableFileError(readProblem(error as NodeJS.ErrnoException));
  }
  const url = pathToFileURL(resolve(path)).href;
  return snapshotFromText(fileText(bytes), { url, now, name: basename(path) });
}

export function snapshotFromText(text: string, opts: { url: string; now: string; name: string }): ChartSnapshot {
  const format = sniffFormat(text, opts.name);
  if (format === 'json') return withCoverage(extractFromFhir(parseJson(text), opts.url, opts.now));
  if (format === 'xml') {
    const { document, errors } = parseXml(text);
    const input = { document, url: opts.url, now: opts.now };
    // Other XML (an XHTML page, a FHIR XML view) goes to the page readers, which need a full DOM.
    if (ccda.matches(input)) return withXmlErrors(extractFromDom(input, [ccda]), errors);
  }
  return snapshotFromMarkup(text, format, opts);
}

/**
 * happy-dom, a browser-like window: what the page adapters (and shadow roots) need. A page is
 * first cut to the read budget (node-dom/html-budget.ts), since happy-dom's parser hangs on
 * some hostile markup long before the readers' own budget could stop them; what was cut is
 * said in the snapshot's warnings and marks it partial.
 */
function snapshotFromMarkup(text: string, format: 'xml' | 'html', opts: { url: string; now: string }): ChartSnapshot {
  if (format === 'xml') return snapshotFromDom(text, format, opts);
  const budgeted = withinHtmlBudget(text);
  const snapshot = snapshotFromDom(budgeted.html, format, opts);
  if (!budgeted.truncated) return snapshot;
  snapshot.warnings.push(...budgeted.warnings);
  return withCoverage(snapshot, { ...snapshot.coverage, truncated: true });
}

function snapshotFromDom(text: string, format: 'xml' | 'html', opts: { url: string; now: string }): ChartSnapshot {
  const window = new Window({ url: opts.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true } } });
  try {
    const isXml = format === 'xml';
    const parser = new window.DOMParser();
    const document = parser.parseFromString(text, isXml ? 'application/xml' : 'text/html') as unknown as Document;
    // Skipped where there are none: querySelectorAll recurses in happy-dom, and a hostile page is deep.
    if (!isXml && text.includes('shadowrootmode')) attachDeclarativeShadowRoots(document);
    return extractFromDom({ document, url: opts.url, now: opts.now });
  } finally {
    void window.happyDOM.close();
  }
}

/** Errors the XML parser recovered from (an undefined entity, say) are worth a warning: text near them may read oddly. */
function withXmlErrors(snapshot: ChartSnapshot, errors: string[]): ChartSnapshot {
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` and ${errors.length - 1} more` : '';
    snapshot.warnings.push(`The XML has errors (${errors[0]}${more}); it was read as far as the parser could recover.`);
  }
  return snapshot;
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'does not exist',
  EISDIR: 'is a folder, not a file',
  EACCES: 'cannot be read (permission denied)',
};

function readProblem(error: NodeJS.ErrnoException): string {
  return READ_PROBLEMS[error.code ?? ''] ?? `cannot be read (${error.code ?? error.message})`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UnreadableFileError(`starts like JSON but is not valid JSON (${(error as Error).message})`);
  }
}
