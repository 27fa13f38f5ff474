import { withCoverage } from './coverage.ts';
import type { ChartDocument, ChartSnapshot } from './snapshot.ts';

/** A document read again after a change, at its position among the page's documents. */
export interface ChangedDocument {
  index: number;
  document: ChartDocument;
}

/**
 * A frame's reading after a change that moved no document: the chart without its documents
 * (`rest.documents` is empty) and the documents that changed. Amends the reading numbered
 * `base`, and is numbered `seq` itself, so the worker can tell when it missed one.
 */
export interface SnapshotUpdate {
  base: number;
  seq: number;
  rest: ChartSnapshot;
  changed: ChangedDocument[];
}

/**
 * The earlier reading with an update applied: the new rest, the earlier documents with the
 * changed ones put in their places. Undefined when the update does not fit (a position the
 * earlier reading does not have): the sender must then send the whole chart.
 */
export function applyUpdate(earlier: ChartSnapshot, update: SnapshotUpdate): ChartSnapshot | undefined {
  const documents = [...earlier.documents];
  for (const { index, document } of update.changed) {
    if (!Number.isInteger(index) || index < 0 || index >= documents.length) return undefined;
    documents[index] = document;
  }
  // The rest was measured without its documents: count them in again.
  return withCoverage({ ...update.rest, documents });
}
