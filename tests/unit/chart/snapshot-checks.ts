import type { ChartSnapshot, SignatureStatus } from '../../../src/chart/snapshot.ts';

/**
 * What every snapshot must be, whatever page it came from, as lists of problems rather than
 * assertions: the vitest fuzz tests expect an empty list, and `npm run fuzz` (plain Node, no
 * test runner) prints the problems beside the seed that produced them.
 */

/** mulberry32: small, fast, reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

const STATUSES: readonly SignatureStatus[] = ['signed', 'unsigned', 'pended', 'dictated-not-signed', 'needs-cosignature', 'unknown'];

/** The longest quote a SourceRef may carry (src/chart/dom/text.ts caps quotes at this). */
export const MAX_SOURCE_TEXT = 300;

/** The contract's shape: the arrays, ids, signature statuses and patient fields. */
export function shapeProblems(snapshot: ChartSnapshot): string[] {
  const problems: string[] = [];
  if (typeof snapshot.source?.adapter !== 'string') problems.push('source.adapter is not a string');
  const lists = { documents: snapshot.documents, diagnoses: snapshot.diagnoses, procedures: snapshot.procedures, orders: snapshot.orders, forms: snapshot.forms };
  for (const [name, list] of Object.entries(lists)) {
    if (!Array.isArray(list)) {
      problems.push(`${name} is not an array`);
      continue;
    }
    list.forEach((item: { id?: unknown }, i) => {
      if (typeof item.id !== 'string') problems.push(`${name}[${i}].id is not a string`);
    });
  }
  (snapshot.documents ?? []).forEach((doc, i) => {
    if (!STATUSES.includes(doc.signature?.status)) problems.push(`documents[${i}].signature.status is ${String(doc.signature?.status)}`);
    if (!Array.isArray(doc.sections)) problems.push(`documents[${i}].sections is not an array`);
  });
  (snapshot.orders ?? []).forEach((order, i) => {
    if (!STATUSES.includes(order.signature?.status)) problems.push(`orders[${i}].signature.status is ${String(order.signature?.status)}`);
  });
  if (!Array.isArray(snapshot.warnings)) problems.push('warnings is not an array');
  else snapshot.warnings.forEach((w, i) => typeof w !== 'string' && problems.push(`warnings[${i}] is not a string`));
  for (const [key, field] of Object.entries(snapshot.patient ?? {})) {
    if (typeof field?.value !== 'string') problems.push(`patient.${key}.value is not a string`);
    if (field?.iso && Number.isNaN(Date.parse(field.iso))) problems.push(`patient.${key}.iso is not a date: ${field.iso}`);
  }
  return problems;
}

/**
 * Values that would not survive `JSON.stringify` → `JSON.parse` unchanged (the snapshot crosses
 * the content-script/worker boundary and is what the CLI writes), each named by its path.
 */
export function jsonProblems(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} is ${value}`];
  if (typeof value !== 'object') return [`${path} is a ${typeof value}`];
  if (seen.has(value)) return [`${path} is a cycle`];
  seen.add(value);
  const problems: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      problems.push(...(item === undefined ? [`${path}[${i}] is undefined`] : jsonProblems(item, `${path}[${i}]`, seen)));
    });
  } else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) problems.push(`${path} is not a plain object`);
    for (const [key, item] of Object.entries(value)) if (item !== undefined) problems.push(...jsonProblems(item, `${path}.${key}`, seen));
  }
  seen.delete(value);
  return problems;
}

/** The coverage report is there and its counts agree with the snapshot's own arrays. */
export function coverageProblems(snapshot: ChartSnapshot): string[] {
  const c = snapshot.coverage;
  if (!c) return ['coverage is missing'];
  const problems: string[] = [];
  const agree = (what: string, reported: number, actual: number) => {
    if (reported !== actual) problems.push(`coverage.${what} is ${reported}, the snapshot has ${actual}`);
  };
  const docs = snapshot.documents;
  agree('documents.found', c.documents.found, docs.length);
  agree('documents.withStatus', c.documents.withStatus, docs.filter((d) => d.signature.status !== 'unknown').length);
  agree('documents.withText', c.documents.withText, docs.filter((d) => d.sections.some((s) => s.text.trim().length > 0)).length);
  for (const key of ['withAuthor', 'withTime'] as const) {
    if (c.documents[key] < 0 || c.documents[key] > docs.length) problems.push(`coverage.documents.${key} is ${c.documents[key]} of ${docs.length} documents`);
  }
  agree('orders.found', c.orders.found, snapshot.orders.length);
  agree('orders.authenticated', c.orders.authenticated, snapshot.orders.filter((o) => o.signature.status === 'signed').length);
  agree('orders.withKnownStatus', c.orders.withKnownStatus, snapshot.orders.filter((o) => o.signature.status !== 'unknown').length);
  agree('codes.diagnoses', c.codes.diagnoses, snapshot.diagnoses.filter((d) => d.code || d.codes?.length).length);
  agree('codes.procedures', c.codes.procedures, snapshot.procedures.filter((p) => p.code || p.codes?.length).length);
  for (const key of ['name', 'mrn', 'dob'] as const) {
    if (c.patient[key] !== Boolean(snapshot.patient[key]?.value)) problems.push(`coverage.patient.${key} is ${c.patient[key]} but the snapshot ${snapshot.patient[key]?.value ? 'has' : 'lacks'} it`);
  }
  const { blocks, characters, samples } = c.unassigned;
  if (!(blocks >= 0 && characters >= 0 && Array.isArray(samples) && samples.every((s) => typeof s === 'string'))) problems.push('coverage.unassigned is malformed');
  if (typeof c.truncated !== 'boolean') problems.push('coverage.truncated is not a boolean');
  if (c.complete !== (c.gaps.length === 0)) problems.push(`coverage.complete is ${c.complete} with ${c.gaps.length} gaps`);
  if (c.truncated && c.complete) problems.push('coverage says the read was both truncated and complete');
  return problems;
}

/** Every SourceRef (any `source` object with a `text`) quotes at most MAX_SOURCE_TEXT characters. */
export function sourceRefProblems(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const problems: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (key === 'source' && item !== null && typeof item === 'object' && 'text' in item) {
      const text = (item as { text: unknown }).text;
      if (typeof text !== 'string') problems.push(`${at}.text is not a string`);
      else if (text.length > MAX_SOURCE_TEXT) problems.push(`${at}.text has ${text.length} characters (max ${MAX_SOURCE_TEXT}): ${JSON.stringify(text.slice(0, 60))}…`);
    }
    problems.push(...sourceRefProblems(item, at));
  }
  return problems;
}

/** Every `iso` anywhere in the snapshot is a date JavaScript can read (an invalid date read as none, not as garbage). */
export function isoProblems(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const problems: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (key === 'iso' && (typeof item !== 'string' || Number.isNaN(Date.parse(item)))) problems.push(`${at} is not a date: ${JSON.stringify(item)}`);
    else problems.push(...isoProblems(item, at));
  }
  return problems;
}

/** Everything above: what a fuzzed or hostile page's snapshot must satisfy. */
export function snapshotProblems(snapshot: ChartSnapshot): string[] {
  return [...jsonProblems(snapshot), ...shapeProblems(snapshot), ...coverageProblems(snapshot), ...sourceRefProblems(snapshot), ...isoProblems(snapshot)];
}
