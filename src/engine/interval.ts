import { hoursBetween } from '../chart/dates.ts';

/** Two moments and the hours between them; facts such as `itemToNow` return these. */
export interface Interval {
  from?: string;
  to?: string;
  /** to − from in hours; undefined when either end is unknown. */
  hours?: number;
}

/** The interval between two ISO times (either may be missing). */
export function interval(from: string | undefined, to: string | undefined): Interval {
  return { from, to, hours: from && to ? hoursBetween(from, to) : undefined };
}

/** The hours of an Interval-shaped value, or undefined. */
export function intervalHours(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const hours = (value as Interval).hours;
  return typeof hours === 'number' && Number.isFinite(hours) ? hours : undefined;
}
