import type { Field } from '../snapshot.ts';
import { quote } from '../dom/text.ts';

/** A FHIR JSON object, read defensively: a file may hold anything. */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Appends one step to a JSON pointer, escaping as RFC 6901 requires. */
export function step(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A Field for the string at `json[key]`, with its JSON pointer as source. */
export function fieldAt(json: Json | undefined, key: string, pointer: string, iso?: (value: string) => string | undefined): Field | undefined {
  const value = str(json?.[key]);
  if (value === undefined) return undefined;
  const field: Field = { value, source: { pointer: step(pointer, key), text: quote(value) } };
  const parsed = iso?.(value);
  if (parsed) field.iso = parsed;
  return field;
}

/** A Field for a value found at `pointer` whose text is given. */
export function fieldOf(value: string, pointer: string): Field {
  return { value, source: { pointer, text: quote(value) } };
}
