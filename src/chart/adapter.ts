import type { ChartDocument, ChartSnapshot } from './snapshot.ts';

/** What an adapter reads: a DOM document (live page, saved HTML, or XML such as C-CDA). */
export interface DomInput {
  document: Document;
  url: string;
  /** ISO time of extraction, passed in so that output is reproducible in tests. */
  now: string;
}

/**
 * Turns one kind of page into a ChartSnapshot. Adapters use standard DOM APIs only, so the
 * same code runs in the content script and in Node (happy-dom) for the CLI and tests.
 */
export interface DomAdapter {
  /** The file name without extension; shown in `snapshot.source.adapter`. */
  id: string;
  /** Cheap check: is this page one this adapter was written for? */
  matches(input: DomInput): boolean;
  /** Reads the page. May throw; `extractFromDom` turns a throw into a warning. */
  extract(input: DomInput): ChartSnapshot;
  /** For EHRs whose documents are elements of their own: lets a change re-read only its document. */
  parts?: DocumentParts;
}

/**
 * A page read in parts: each document from its own element, and the rest (banner, orders,
 * forms...). On a chart of thousands of notes the content script then re-reads only the notes
 * a change touched, which keeps a keystroke cheap. `extract` must give the same snapshot as
 * `readRest` with `documents` set to every `readDocument` in page order.
 */
export interface DocumentParts {
  /** Matches each element that holds one document, and no other element. */
  selector: string;
  /** Everything but the documents (`documents` is empty). */
  readRest(input: DomInput): ChartSnapshot;
  /** One document; `index` is its position among the page's documents (ids of unnamed ones). */
  readDocument(element: Element, index: number, input: DomInput): ChartDocument;
}
