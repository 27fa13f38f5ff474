import { parseClinicalDate } from './dates.ts';
import type { Field } from './snapshot.ts';

/**
 * `field` with `iso` set to its value read as a date, or `field` itself when the value holds
 * no date we can read. `iso` is added last (value, source, iso) because snapshots and documents
 * are compared as JSON strings (changed documents, the content script's "same as before"), so
 * the key order every reader has always produced must not change.
 */
export function withDate(field: Field): Field {
  const iso = parseClinicalDate(field.value);
  return iso ? { ...field, iso } : field;
}
