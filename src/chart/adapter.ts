import type { ChartSnapshot } from './snapshot.ts';

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
}
