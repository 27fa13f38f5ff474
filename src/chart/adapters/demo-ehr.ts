import type { DomAdapter, DomInput } from '../adapter.ts';
import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import { kindFromTitle } from '../document-kind.ts';
import { cssPath, type SiblingIndex } from '../dom/css-path.ts';
import { valueOrText } from '../dom/source-ref.ts';
import { quote, textOf } from '../dom/text.ts';
import { parsePerson } from '../person.ts';
import {
  emptySnapshot,
  type ChartDocument, type ChartSnapshot, type CodedItem, type Field, type FormState, type Order, type OrderKind,
  type Section, type Signature, type SignatureStatus, type SourceRef,
} from '../snapshot.ts';

/** Each note of the demo chart is one `article.note`. */
const NOTE = 'article.note';

/**
 * The demo EHR shipped in tests/fixtures/demo-ehr: chartlint's own synthetic chart, used by
 * `npm start` and the end-to-end tests. Its markup is known, so this adapter reads it by
 * class names; the generic adapter is measured against it.
 */
export const demoEhr: DomAdapter = {
  id: 'demo-ehr',
  matches: ({ document }) =>
    document.querySelector('meta[name="application-name"][content="Demo EHR"]') !== null,
  extract(input) {
    const snapshot = readRest(input);
    snapshot.documents = [...input.document.querySelectorAll(NOTE)].map((note, index) => readDocument(note, index, input));
    return snapshot;
  },
  parts: { selector: NOTE, readRest, readDocument },
};

function readRest(input: DomInput): ChartSnapshot {
  const { document } = input;
  useSiblingsOf(input);
  const snapshot = emptySnapshot('demo-ehr', input.now);
  const banner = document.querySelector('.patient-banner');
  if (!banner) snapshot.warnings.push('No patient banner on this page.');
  snapshot.patient = {
    name: fieldAt(banner, '.pt-name'),
    mrn: fieldAt(banner, '.pt-mrn'),
    dob: dateAt(banner, '.pt-dob'),
    sex: fieldAt(banner, '.pt-sex'),
  };
  const encounter = document.querySelector('.encounter .enc-details');
  if (encounter) {
    const attending = fieldAt(encounter, '.enc-attending');
    snapshot.encounter = {
      kind: fieldAt(encounter, '.enc-type')?.value.toLowerCase(),
      admittedAt: dateAt(encounter, '.enc-admitted'),
      dischargedAt: dateAt(encounter, '.enc-discharged'),
      attending: attending && parsePerson(attending.value, attending.source),
      admittingDiagnosis: fieldAt(encounter, '.enc-admitting-dx'),
    };
  }
  snapshot.orders = [...document.querySelectorAll('tr.order')].map(readOrder);
  snapshot.diagnoses = [...document.querySelectorAll('li.problem')].map(readProblem);
  // One pass for the labels, not one per control: this runs on every keystroke.
  const labels = new Map([...document.querySelectorAll('label[for]')].reverse().map((label) => [label.getAttribute('for'), label]));
  snapshot.forms = [...document.querySelectorAll('form input, form select, form textarea')]
    .map((control) => readControl(control, labels))
    .filter((form): form is FormState => form !== undefined);
  return stripUndefined(snapshot);
}

function readDocument(note: Element, index: number, input: DomInput): ChartDocument {
  useSiblingsOf(input);
  return stripUndefined(readNote(note, index));
}

/**
 * Sibling positions for the selectors of one reading: a chart with thousands of notes would
 * otherwise recount its siblings for every path (quadratic). One index per reading (its
 * `input`), because the page may change between two.
 */
let siblings: SiblingIndex = new WeakMap();
let siblingsFor: DomInput | undefined;

function useSiblingsOf(input: DomInput): void {
  if (siblingsFor === input) return;
  siblingsFor = input;
  siblings = new WeakMap();
}

function readNote(note: Element, index: number): ChartDocument {
  const title = fieldAt(note, '.note-title') ?? { value: 'Untitled note', source: sourceOf(note) };
  const author = fieldAt(note, '.note-author');
  const role = fieldAt(note, '.note-role');
  const printed = note.querySelector('.note-patient');
  const sections: Section[] = [];
  for (const heading of note.querySelectorAll('.note-body h4')) {
    const body = heading.nextElementSibling;
    if (!body) continue;
    sections.push({ title: textOf(heading), text: valueOrText(body), source: sourceOf(body) });
  }
  return {
    id: note.id || `note-${index + 1}`,
    kind: kindFromTitle(`${note.getAttribute('data-note-type') ?? ''} ${title.value}`),
    title,
    author: author && { ...parsePerson(author.value, author.source), ...(role ? { role } : {}) },
    createdAt: dateAt(note, '.note-created'),
    signature: readSignature(note.querySelector('.signature')),
    identifiers: printed ? identifiersIn(printed) : {},
    sections,
    source: sourceOf(note),
  };
}

const STATUS_BY_ATTRIBUTE: Record<string, SignatureStatus> = {
  signed: 'signed',
  unsigned: 'unsigned',
  dictated: 'dictated-not-signed',
  pended: 'pended',
  'needs-cosignature': 'needs-cosignature',
};

/** "Electronically signed by NAME, CRED on DATE" and the demo's other signature wordings. */
function readSignature(footer: Element | null): Signature {
  if (!footer) return { status: 'unknown' };
  // The status label, not the "Sign note" button beside it, is what the page says.
  const text = textOf(footer.querySelector('.signature-status') ?? footer);
  const line: Field = { value: text, source: { selector: cssPath(footer, siblings), text: quote(text) } };
  const status = STATUS_BY_ATTRIBUTE[footer.getAttribute('data-status') ?? ''] ?? 'unknown';
  const signature: Signature = { status, line };
  const by = /(?:signed by|·)\s+([^·]+?)(?:\s+on\s+|\s+·\s+)([\d/:\s]+\d)/i.exec(text);
  if (by && status !== 'unsigned') {
    signature.signer = parsePerson(by[1]!, line.source);
    const iso = parseClinicalDate(by[2]!);
    if (status === 'signed' || status === 'needs-cosignature') {
      signature.signedAt = { value: by[2]!.trim(), ...(iso ? { iso } : {}), source: line.source };
    }
  }
  return signature;
}

function readOrder(row: Element, index: number): Order {
  const text = fieldAt(row, '.order-text') ?? { value: '', source: sourceOf(row) };
  const kind = (fieldAt(row, '.order-kind')?.value.toLowerCase() ?? 'unknown') as OrderKind;
  const by = fieldAt(row, '.order-by');
  return {
    id: row.id || `order-${index + 1}`,
    kind: ['verbal', 'telephone', 'written', 'electronic'].includes(kind) ? kind : 'unknown',
    text,
    orderedAt: dateAt(row, '.order-time'),
    orderedBy: by && parsePerson(by.value.replace(/\s*\(.*\)$/, ''), by.source),
    signature: readSignature(row.querySelector('.order-auth')),
    source: sourceOf(row),
  };
}

function readProblem(item: Element, index: number): CodedItem {
  const code = fieldAt(item, '.problem-code');
  return {
    id: item.id || `problem-${index + 1}`,
    text: fieldAt(item, '.problem-text') ?? { value: textOf(item), source: sourceOf(item) },
    code: code && { system: 'ICD-10-CM', code: code.value },
    role: 'problem',
    status: fieldAt(item, '.problem-status')?.value.toLowerCase(),
    source: sourceOf(item),
  };
}

function readControl(control: Element, labels: Map<string | null, Element>): FormState | undefined {
  const id = control.getAttribute('id') ?? control.getAttribute('name');
  if (!id) return undefined;
  const label = labels.get(id);
  const labelText = label ? textOf(label).replace(/\s*\*$/, '') : id;
  return {
    id,
    label: labelText,
    value: (control as HTMLInputElement).value ?? '',
    required: control.hasAttribute('required'),
    control: control.localName === 'input' ? (control.getAttribute('type') ?? 'text') : control.localName,
    source: { selector: cssPath(control, siblings), text: labelText },
  };
}

function identifiersIn(printed: Element): ChartDocument['identifiers'] {
  const text = textOf(printed);
  const source = sourceOf(printed);
  const [name] = text.split('·').map((part) => part.trim());
  const mrn = /MRN\s*:?\s*(\w+)/i.exec(text)?.[1];
  const dob = /DOB\s*:?\s*([\d/]+)/i.exec(text)?.[1];
  const dobIso = dob ? parseClinicalDate(dob) : undefined;
  return {
    ...(name && !/^(MRN|DOB)\b/i.test(name) ? { name: { value: name, source } } : {}),
    ...(mrn ? { mrn: { value: mrn, source } } : {}),
    ...(dob ? { dob: { value: dob, ...(dobIso ? { iso: dobIso } : {}), source } } : {}),
  };
}

function fieldAt(scope: ParentNode | null, selector: string): Field | undefined {
  const el = scope?.querySelector(selector);
  if (!el) return undefined;
  const value = valueOrText(el);
  return value ? { value, source: sourceOf(el) } : undefined;
}

function dateAt(scope: ParentNode | null, selector: string): Field | undefined {
  const field = fieldAt(scope, selector);
  return field && withDate(field);
}


function sourceOf(el: Element): SourceRef {
  return { selector: cssPath(el, siblings), text: quote(valueOrText(el)) };
}

/** Drops undefined properties so snapshots compare and serialise cleanly. */
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

