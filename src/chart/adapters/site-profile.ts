import type { DomAdapter, DomInput } from '../adapter.ts';
import { withCoverage } from '../coverage.ts';
import { withDate } from '../dated-field.ts';
import { kindFromTitle } from '../document-kind.ts';
import { findCodeGrids } from '../dom/code-grid.ts';
import { findOrders } from '../dom/order-table.ts';
import { scanPage, type PageScan } from '../dom/page-scan.ts';
import { parseSignatureLine, personFrom } from '../dom/signature-line.ts';
import { refOf } from '../dom/source-ref.ts';
import { foldSpace, textOf } from '../dom/text.ts';
import { fieldLabel, type DocumentSelectors, type ProfileField, type SiteProfile } from '../site-profile/format.ts';
import { labelOf } from '../site-profile/label.ts';
import { emptySnapshot, type ChartDocument, type ChartSnapshot, type Field, type SignatureStatus } from '../snapshot.ts';
import { PATIENT_LABELS, SIGNATURE_STATUSES } from '../vocabulary.ts';

/**
 * Reads a page with the site profile a user taught for its origin: the elements the profile
 * names give the patient's identifiers, the notes with their title, author and status, the
 * order table and the code grid. Everything else comes from the adapter that would have read
 * the page without a profile (`base`, usually the generic reader), and where the profile and
 * that reader both have a value, the profile's wins. A selector that no longer matches (the
 * EHR changed its markup) leaves that field to the other reader and says so in a warning.
 */
export function siteProfileAdapter(profile: SiteProfile, base: readonly DomAdapter[]): DomAdapter {
  return {
    id: 'site-profile',
    matches: (input) => originOf(input.url) === profile.origin,
    extract: (input) => readWithProfile(profile, input, base),
  };
}

function readWithProfile(profile: SiteProfile, input: DomInput, base: readonly DomAdapter[]): ChartSnapshot {
  const fallback = base.find((adapter) => {
    try {
      return adapter.matches(input);
    } catch {
      return false;
    }
  });
  let snapshot: ChartSnapshot;
  try {
    snapshot = fallback ? fallback.extract(input) : emptySnapshot('none', input.now);
  } catch (error) {
    // The profile may still read the page the other reader choked on.
    snapshot = emptySnapshot(fallback?.id ?? 'none', input.now);
    snapshot.warnings.push(`The ${fallback?.id ?? 'fallback'} adapter could not read this page: ${error instanceof Error ? error.message : String(error)}`);
  }
  const baseId = snapshot.source.adapter;
  const read = new ProfileRead(input.document, snapshot.warnings);
  readPatient(profile, read, snapshot);
  if (profile.documents) snapshot.documents = readDocuments(profile.documents, read, snapshot.documents);
  readTables(profile, read, snapshot);
  snapshot.source = { ...snapshot.source, adapter: `site-profile+${baseId}`, ...(baseId === 'ccda' && !snapshot.source.coverage ? { coverage: 'document' as const } : {}) };
  return withCoverage(JSON.parse(JSON.stringify(snapshot)) as ChartSnapshot);
}

/** Selector look-ups that never throw, and the warnings for those that find nothing. */
class ProfileRead {
  private scanned: PageScan | undefined;
  constructor(readonly doc: Document, private readonly warnings: string[]) {}

  all(scope: ParentNode, selector: string, field: ProfileField | 'document.container'): Element[] {
    try {
      return [...scope.querySelectorAll(selector)];
    } catch {
      this.warnings.push(`The site profile's ${fieldLabel(field)} selector "${selector}" is not a valid selector; read by the generic reader.`);
      return [];
    }
  }

  first(scope: Element | Document, selector: string, field: ProfileField): Element | undefined {
    if (selector === ':scope') return scope.nodeType === 1 ? (scope as Element) : undefined;
    return this.all(scope, selector, field)[0];
  }

  missing(field: ProfileField | 'document.container'): void {
    this.warnings.push(`The site profile's ${fieldLabel(field)} selector no longer matches; read by the generic reader.`);
  }

  /** The page scanned once, for the table readers, only when the profile names a table. */
  scan(): PageScan {
    this.scanned ??= scanPage(this.doc);
    return this.scanned;
  }
}

function readPatient(profile: SiteProfile, read: ProfileRead, snapshot: ChartSnapshot): void {
  const keys = [['name', 'patient.name'], ['mrn', 'patient.mrn'], ['dob', 'patient.dob']] as const;
  for (const [key, field] of keys) {
    const selector = profile.patient?.[key];
    if (!selector) continue;
    const el = read.first(read.doc, selector, field);
    const value = el ? withoutLabel(el) : '';
    if (!el || !value) {
      read.missing(field);
      continue;
    }
    const printed = key === 'dob' ? withoutAge(value) : value;
    const found: Field = { value: printed, source: refOf(el, undefined, value) };
    snapshot.patient[key] = key === 'dob' ? withDate(found) : found;
  }
}

/**
 * The element's text without a label printed inside it: `<span><span>MRN</span>M00583317</span>`
 * and "Unit #: M000123" read as the value alone, as a user who clicked the value meant.
 */
export function withoutLabel(el: Element): string {
  let text = textOf(el);
  const first = el.firstElementChild;
  const firstText = textOf(first);
  if (first && firstText && text.startsWith(firstText) && text.length > firstText.length && isLabel(firstText)) {
    text = text.slice(firstText.length).trim();
  }
  const colon = /^([^:]{1,30}):\s*(\S.*)$/.exec(text);
  if (colon && isLabel(colon[1]!)) text = colon[2]!;
  return text.replace(/^[:\s]+/, '');
}

function isLabel(text: string): boolean {
  const bare = text.replace(/[:：]\s*$/, '').trim();
  return text.trim().endsWith(':') || PATIENT_LABELS.lookup(bare) !== undefined;
}

/** "11/02/1981 (44 y)", "03/14/1958 67 yrs": the date as printed, without the age after it. */
function withoutAge(value: string): string {
  return value.replace(/\s*\(.*\)$/, '').replace(/\s+(age\b|\d+\s*(y|yo|yrs?|years?)\b).*$/i, '').trim();
}

const PARTS = [['title', 'document.title'], ['author', 'document.author'], ['status', 'document.status'], ['signedAt', 'document.signedAt']] as const;

/**
 * One document per element the container selector matches, in page order, built on what the
 * other reader found inside that element (its sections, kind, identifiers); documents the
 * other reader found outside every container stay as it read them.
 */
function readDocuments(selectors: DocumentSelectors, read: ProfileRead, found: ChartDocument[]): ChartDocument[] {
  const containers = read.all(read.doc, selectors.container, 'document.container');
  if (containers.length === 0) {
    read.missing('document.container');
    return found;
  }
  const inside = new Map<Element, ChartDocument[]>();
  const outside: ChartDocument[] = [];
  for (const doc of found) {
    const home = containerHolding(read.doc, doc, containers);
    if (home) inside.set(home, [...(inside.get(home) ?? []), doc]);
    else outside.push(doc);
  }
  const matched = new Set<string>();
  const documents = containers.map((container, index) => {
    const parts: Partial<Record<(typeof PARTS)[number][0], Element>> = {};
    for (const [key, field] of PARTS) {
      const selector = selectors[key];
      const label = selectors.labels?.[key];
      const el = !selector ? undefined : label === undefined ? read.first(container, selector, field) : read.all(container, selector, field).find((c) => labelOf(c) === label);
      if (el) {
        parts[key] = el;
        matched.add(key);
      }
    }
    return profileDocument(container, index, parts, inside.get(container) ?? []);
  });
  for (const [key, field] of PARTS) if (selectors[key] && !matched.has(key)) read.missing(field);
  return [...documents, ...outside];
}

/** The container an already-read document came from, by where its source element sits. */
function containerHolding(doc: Document, document: ChartDocument, containers: Element[]): Element | undefined {
  const { selector, frame, shadowHosts } = document.source;
  if (!selector || frame !== undefined || (shadowHosts?.length ?? 0) > 0) return undefined;
  let el: Element | null;
  try {
    el = doc.querySelector(selector);
  } catch {
    return undefined;
  }
  return el ? containers.find((c) => c === el || c.contains(el)) : undefined;
}

function profileDocument(container: Element, index: number, parts: Partial<Record<'title' | 'author' | 'status' | 'signedAt', Element>>, read: ChartDocument[]): ChartDocument {
  const first = read[0];
  const others = Object.values(parts).filter((el) => el !== parts.title);
  const titleText = parts.title ? textWithout(parts.title, others) : '';
  const doc: ChartDocument = first
    ? { ...first, sections: read.flatMap((d) => d.sections), signature: { ...first.signature } }
    : {
        id: `profile-note-${index + 1}`,
        kind: 'other',
        title: { value: '', source: refOf(container, undefined, '') },
        signature: { status: 'unknown' },
        identifiers: {},
        sections: [{ title: 'Text', text: textOf(container), source: refOf(container, undefined, textOf(container)) }],
        source: refOf(container, undefined, textOf(container)),
      };
  if (titleText && parts.title) {
    doc.title = { value: titleText, source: refOf(parts.title, undefined, titleText) };
    doc.kind = kindFromTitle(titleText);
  }
  if (parts.author) {
    const text = withoutLabel(parts.author);
    if (text) doc.author = personFrom(text, refOf(parts.author, undefined, text));
  }
  if (parts.status) {
    const text = textOf(parts.status);
    const ref = refOf(parts.status, undefined, text);
    const line = parseSignatureLine(text, ref);
    const status = line?.status ?? (SIGNATURE_STATUSES.lookup(text) as SignatureStatus | undefined) ?? 'unknown';
    doc.signature = { ...doc.signature, ...(line ?? {}), status, line: { value: text, source: ref } };
  }
  if (parts.signedAt) {
    const text = withoutLabel(parts.signedAt);
    const signedAt = withDate({ value: text, source: refOf(parts.signedAt, undefined, text) });
    if (signedAt.iso) doc.signature = { ...doc.signature, signedAt };
  }
  return doc;
}

/** An element's text leaving out the text of some elements inside it (a status chip in a title). */
function textWithout(el: Element, skip: readonly Element[]): string {
  const inner = skip.filter((s) => s !== el && el.contains(s));
  if (inner.length === 0) return textOf(el);
  let text = '';
  const visit = (node: Node) => {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && !inner.includes(node as Element)) for (const child of node.childNodes) visit(child);
  };
  visit(el);
  return foldSpace(text);
}

/**
 * The order table and code grid the profile names, read by the generic table readers on that
 * element alone: the profile says where, the vocabularies still say what the columns mean.
 */
function readTables(profile: SiteProfile, read: ProfileRead, snapshot: ChartSnapshot): void {
  const within = (selector: string, field: ProfileField): PageScan | undefined => {
    const el = read.first(read.doc, selector, field);
    if (!el) {
      read.missing(field);
      return undefined;
    }
    const scan = read.scan();
    return { ...scan, tables: scan.tables.filter((t) => t.el === el || el.contains(t.el)) };
  };
  if (profile.orderTable) {
    const scan = within(profile.orderTable, 'orderTable');
    const orders = scan ? findOrders(scan) : [];
    if (orders.length > 0) snapshot.orders = orders;
    else if (scan) snapshot.warnings.push("The site profile's order table holds no orders chartlint can read; read by the generic reader.");
  }
  if (profile.codeGrid) {
    const scan = within(profile.codeGrid, 'codeGrid');
    const grids = scan ? findCodeGrids(scan) : { diagnoses: [], procedures: [] };
    if (grids.diagnoses.length + grids.procedures.length > 0) {
      snapshot.diagnoses = grids.diagnoses.length > 0 ? grids.diagnoses : snapshot.diagnoses;
      snapshot.procedures = grids.procedures.length > 0 ? grids.procedures : snapshot.procedures;
    } else if (scan) snapshot.warnings.push("The site profile's code grid holds no codes chartlint can read; read by the generic reader.");
  }
}

/** `scheme://host:port` of a URL, or '' for one that is not a URL. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
