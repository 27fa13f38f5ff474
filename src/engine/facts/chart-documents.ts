import { hoursBetween } from '../../chart/dates.ts';
import type { ChartDocument, ChartSnapshot } from '../../chart/snapshot.ts';
import { itemTime } from '../item-time.ts';

/** Helpers for facts that look for other documents in the chart (not a fact itself). */

/** Documents of the given kinds that carry a time, with that time. */
export function timedDocuments(snapshot: ChartSnapshot, kinds: readonly string[]): { document: ChartDocument; time: string }[] {
  return snapshot.documents.flatMap((document) => {
    const time = kinds.includes(document.kind) ? itemTime('document', document) : undefined;
    return time ? [{ document, time }] : [];
  });
}

/**
 * Hours from `a` to `b`; when either is a bare date, the other is cut to its date too, so a
 * same-day document without a time counts as 0 h rather than as "before" or "after".
 */
export function hoursApart(a: string, b: string): number | undefined {
  if (a.length === 10 || b.length === 10) return hoursBetween(a.slice(0, 10), b.slice(0, 10));
  return hoursBetween(a, b);
}

/** The first document of `kinds` whose time lies `min`..`max` hours after `from`. */
export function documentWithin(
  snapshot: ChartSnapshot,
  kinds: readonly string[],
  from: string,
  min: number,
  max: number,
): ChartDocument | undefined {
  return timedDocuments(snapshot, kinds).find(({ time }) => {
    const hours = hoursApart(from, time);
    return hours !== undefined && hours >= min && hours <= max;
  })?.document;
}
