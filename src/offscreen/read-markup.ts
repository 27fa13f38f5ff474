import { adaptersWithProfile } from '../chart/adapters/index.ts';
import { attachDeclarativeShadowRoots } from '../chart/dom/declarative-shadow.ts';
import { extractFromDom } from '../chart/extract.ts';
import type { SiteProfile } from '../chart/site-profile/format.ts';
import type { ChartSnapshot } from '../chart/snapshot.ts';
import { ChartReader } from '../content/chart-reader.ts';

/**
 * A large page written out by its content script (src/content/page-markup.ts), to be read whole
 * off the page's main thread. Not one of the `Message` union: it goes over a port of its own
 * (MARKUP_PORT), known only to the content script, the worker and the offscreen document
 * (src/background/markup-reading.ts).
 */
export interface MarkupRead {
  type: 'cs-bg-read-markup';
  html: string;
  /** The page's address and the reading time, as the in-page read uses them. */
  url: string;
  now: string;
  /** The reading's number, as a `cs-bg-snapshot` would carry it. */
  seq: number;
  /** The site profile the page is read with, if its origin has one. */
  profile: SiteProfile | null;
  /** What the markup left out (page-markup.ts budgets), for the snapshot. */
  truncated: boolean;
  warnings: string[];
}

/**
 * The port a content script sends a large page's markup over: the markup in pieces (one message
 * each, so that no one message costs the page a long task to send: measured, ~40 ms for 650 KB
 * at once), then the MarkupRead without it. Answered on the port with a MarkupAnswer once
 * read, `false` when not read (the site is not enabled).
 */
export const MARKUP_PORT = 'chartlint-markup';

/** Characters of markup per message on MARKUP_PORT. */
export const MARKUP_PIECE = 64 * 1024;

/** How many documents the reading found (the page matches them up with its own, ChartReader.readElsewhereDone). */
export interface MarkupAnswer {
  documents: number;
}

export type MarkupMessage = { piece: string } | Omit<MarkupRead, 'html'>;

/** The worker asks the offscreen document to read a page's markup. Answered with a ChartSnapshot. */
export interface OffscreenRead {
  type: 'bg-offscreen-read';
  read: MarkupRead;
}

export function isMarkupRead(value: unknown): value is MarkupRead {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'cs-bg-read-markup';
}

export function isOffscreenRead(value: unknown): value is OffscreenRead {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'bg-offscreen-read';
}

/**
 * Parses the markup and reads it with the same readers as the page itself. DOMParser makes an
 * inert document: its scripts never run, and nothing in it loads (no images, styles or frames
 * are fetched for a document without a browsing context; tests/e2e/large-page.test.ts checks).
 * Never throws, like `extractFromDom`. `parse` is for tests in Node, which has no DOMParser.
 */
export function readMarkup(read: MarkupRead, parse: (html: string) => Document = parseHtml): ChartSnapshot {
  const document = parse(read.html);
  attachDeclarativeShadowRoots(document);
  const adapters = adaptersWithProfile(read.profile ?? undefined);
  // As the page reads itself (in parts, where its adapter can), so that its documents are in
  // the order the page can later amend one by one (ChartReader.readElsewhereDone).
  const reading = new ChartReader(document, adapters).readCopy(document, read.url, read.now, read);
  return reading.kind === 'full' ? reading.snapshot : extractFromDom({ document, url: read.url, now: read.now }, adapters);
}

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
