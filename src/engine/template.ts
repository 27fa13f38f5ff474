import { sourceRefKey } from '../chart/source-ref-key.ts';
import type { SourceRef } from '../chart/snapshot.ts';
import { isBlank } from './blank.ts';
import { factAt } from './conditions.ts';
import type { FactContext } from './facts/fact.ts';

const PLACEHOLDER = /\{\{\s*([^}|]+?)\s*(?:\|([^}]*))?\}\}/g;

/** The `fact.path`s a template names. */
export function templatePaths(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** The value at `fact.path` (first segment is the fact id) for this item. */
export function valueAt(context: FactContext, factPath: string): unknown {
  const dot = factPath.indexOf('.');
  return dot < 0 ? context.fact(factPath) : factAt(context, factPath.slice(0, dot), factPath.slice(dot + 1));
}

/** Fills `{{fact.path}}` / `{{fact.path|fallback}}` with readable text for a records technician. */
export function renderTemplate(template: string, context: FactContext): string {
  return template.replace(PLACEHOLDER, (_, path: string, fallback: string | undefined) => {
    const value = valueAt(context, path);
    return isBlank(value) ? (fallback ?? 'unknown') : display(value);
  });
}

/** A value as a person would write it: Field → its text, Person → "name, credentials", hours rounded. */
export function display(value: unknown): string {
  if (typeof value === 'number') return String(Math.round(value * 10) / 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.value === 'string') return record.value;
    if (typeof record.name === 'object' && record.name !== null) {
      const credentials = (record.credentials as { value?: string } | undefined)?.value;
      return `${display(record.name)}${credentials ? `, ${credentials}` : ''}`;
    }
    if (typeof record.hours === 'number') return `${display(record.hours)} h`;
    if (typeof record.title === 'object') return display(record.title);
  }
  return JSON.stringify(value);
}

/** SourceRefs of the values at the evidence paths: a Field's, a Person's name, an item's own. */
export function evidenceOf(paths: readonly string[], context: FactContext): SourceRef[] {
  const refs: SourceRef[] = [];
  const seen = new Set<string>();
  const add = (ref: SourceRef) => {
    const key = sourceRefKey(ref);
    if (!seen.has(key)) {
      seen.add(key);
      refs.push(ref);
    }
  };
  const collect = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.text === 'string' && ('selector' in record || 'xpath' in record || 'pointer' in record)) return add(record as unknown as SourceRef);
    if (typeof record.source === 'object' && record.source !== null) return add(record.source as SourceRef);
    if (typeof record.name === 'object') return collect(record.name);
    if (typeof record.document === 'object') return collect(record.document);
  };
  for (const path of paths) collect(valueAt(context, path));
  return refs;
}
