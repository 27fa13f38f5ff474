import { parseClinicalDate } from '../chart/dates.ts';
import type { ChartDocument, ChartSnapshot, CodedItem, Field, FormState, Order, Person, Signature } from '../chart/snapshot.ts';

/**
 * Builds a full ChartSnapshot from the compact form rule cases are written in, so a case says
 * only what it is about: text where a Field goes ("11/20/2026 14:32" gets its ISO), a string
 * where a Person goes ("Ann Lee, MD"), and defaults for everything left out.
 */
type Loose = Record<string, unknown>;

/** Text of a loose JSON value (cases hold strings and numbers there). */
function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

export function snapshotFromCase(input: unknown): ChartSnapshot {
  const c = (input ?? {}) as Loose;
  const source = (c.source ?? {}) as Loose;
  const patient = (c.patient ?? {}) as Loose;
  const snapshot: ChartSnapshot = {
    source: { adapter: 'case', extractedAt: '2026-01-15T12:00', ...(source as object) },
    patient: pick(patient, ['name', 'mrn', 'dob', 'sex'], field),
    documents: list(c.documents).map(documentOf),
    diagnoses: list(c.diagnoses).map((d, i) => codedOf(d, `dx-${i + 1}`)),
    procedures: list(c.procedures).map((p, i) => codedOf(p, `px-${i + 1}`)),
    orders: list(c.orders).map(orderOf),
    forms: list(c.forms).map(formOf),
    warnings: list(c.warnings) as unknown as string[],
  };
  if (c.encounter) {
    const e = c.encounter as Loose;
    snapshot.encounter = {
      ...(e.kind ? { kind: e.kind as string } : {}),
      ...pick(e, ['admittedAt', 'dischargedAt', 'admittingDiagnosis'], field),
      ...(e.attending ? { attending: person(e.attending) } : {}),
    };
  }
  return snapshot;
}

function list(value: unknown): Loose[] {
  return Array.isArray(value) ? (value as Loose[]) : [];
}

function pick<T>(from: Loose, keys: string[], make: (v: unknown) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = make(from[key]);
  return out;
}

/** "text" → a Field with the ISO date when the text holds one; an object is taken as written. */
export function field(value: unknown): Field {
  if (typeof value === 'object' && value !== null) return value as Field;
  const text = String(value);
  const iso = parseClinicalDate(text);
  return { value: text, ...(iso ? { iso } : {}), source: { text } };
}

function person(value: unknown): Person {
  if (typeof value === 'string') {
    const [name, ...credentials] = value.split(',').map((s) => s.trim());
    return { name: field(name ?? ''), ...(credentials.length ? { credentials: field(credentials.join(', ')) } : {}) };
  }
  const p = value as Loose;
  return { name: field(p.name), ...pick(p, ['credentials', 'role'], field) };
}

function signatureOf(value: unknown): Signature {
  const s = (value ?? {}) as Loose;
  return {
    status: (s.status as Signature['status'] | undefined) ?? 'signed',
    ...pick(s, ['signer', 'cosigner'], person),
    ...pick(s, ['signedAt', 'cosignedAt', 'line'], field),
    ...(s.statusOnly === true ? { statusOnly: true } : {}),
  };
}

function documentOf(d: Loose, i: number): ChartDocument {
  const kind = (d.kind as string | undefined) ?? 'other';
  const title = field(d.title ?? kind);
  return {
    id: (d.id as string | undefined) ?? `doc-${i + 1}`,
    kind,
    title,
    ...(d.author ? { author: person(d.author) } : {}),
    ...pick(d, ['createdAt'], field),
    signature: signatureOf(d.signature),
    identifiers: pick((d.identifiers ?? {}) as Loose, ['name', 'mrn', 'dob'], field),
    sections: list(d.sections).map((s) => ({
      title: str(s.title),
      text: str(s.text),
      ...(s.code ? { code: str(s.code) } : {}),
      source: { text: str(s.text, str(s.title)) },
    })),
    source: { text: title.value },
  };
}

function codedOf(d: Loose, id: string): CodedItem {
  const text = field(d.text ?? '');
  return {
    id: (d.id as string | undefined) ?? id,
    text,
    ...(d.code ? { code: d.code as CodedItem['code'] } : {}),
    ...(d.role ? { role: d.role as string } : {}),
    ...(d.status ? { status: d.status as string } : {}),
    ...pick(d, ['date'], field),
    ...(d.performer ? { performer: person(d.performer) } : {}),
    source: { text: text.value },
  };
}

function orderOf(o: Loose, i: number): Order {
  const text = field(o.text ?? '');
  return {
    id: (o.id as string | undefined) ?? `order-${i + 1}`,
    kind: (o.kind as Order['kind'] | undefined) ?? 'electronic',
    text,
    ...pick(o, ['orderedAt'], field),
    ...(o.orderedBy ? { orderedBy: person(o.orderedBy) } : {}),
    signature: signatureOf(o.signature),
    source: { text: text.value },
  };
}

function formOf(f: Loose, i: number): FormState {
  const label = str(f.label, `Field ${i + 1}`);
  return {
    id: (f.id as string | undefined) ?? `field-${i + 1}`,
    label,
    value: str(f.value),
    required: f.required === true,
    control: (f.control as string | undefined) ?? 'text',
    source: { text: label },
  };
}
