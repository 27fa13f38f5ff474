import type { ChartSnapshot } from './snapshot.ts';

/**
 * Ids of the documents of `after` that are new or differ from `before` in any way (text,
 * signature, even where they stand on the page). The engine re-runs document rules only for
 * these: the keystroke path. Undefined when there is no earlier reading to compare with.
 */
export function changedDocumentIds(before: ChartSnapshot | undefined, after: ChartSnapshot): string[] | undefined {
  if (!before) return undefined;
  const previous = new Map(before.documents.map((doc) => [doc.id, JSON.stringify(doc)]));
  return after.documents.filter((doc) => previous.get(doc.id) !== JSON.stringify(doc)).map((doc) => doc.id);
}
