import { parseClinicalDate, toEpoch } from '../dates.ts';
import type { Field } from '../snapshot.ts';
import { attr, kid, xmlRef } from './xml.ts';

/** An HL7 TS (`<time value="201409171904-0500"/>`) as a Field, or undefined when unvalued. */
export function timeField(el: Element | undefined): Field | undefined {
  const value = attr(el, 'value');
  if (!el || !value) return undefined;
  const field: Field = { value, source: xmlRef(el, value) };
  const iso = parseClinicalDate(value);
  // A value with an impossible zone ("-5000") reads as a date nobody can compare with: leave iso out.
  if (iso && toEpoch(iso) !== undefined) field.iso = iso;
  return field;
}

/**
 * The start of an IVL_TS (`effectiveTime` with `low`, or with a single `value`): the onset
 * of a problem, the start of a procedure or encounter.
 */
export function startOf(effectiveTime: Element | undefined): Field | undefined {
  return timeField(effectiveTime) ?? timeField(kid(effectiveTime, 'low')) ?? timeField(kid(effectiveTime, 'center'));
}

/** The end of an IVL_TS (`high`). */
export function endOf(effectiveTime: Element | undefined): Field | undefined {
  return timeField(kid(effectiveTime, 'high'));
}
