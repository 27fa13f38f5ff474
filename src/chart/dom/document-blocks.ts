import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import { kindFromTitle } from '../document-kind.ts';
import type { ChartDocument, Field, Section, Signature, SourceRef } from '../snapshot.ts';
import { pairsFromText, splitSegments } from './label-value.ts';
import { isInside, type Found, type Line, type PageScan } from './page-scan.ts';
import { looksLikeSignatureLine, parseSignatureLine, personFrom } from './signature-line.ts';
import { refOf, valueOrText } from './source-ref.ts';
import { textOf } from './text.ts';

/**
 * The documents a page wraps in elements of their own (`article`, role=article): title from
 * their first heading, signature from their signature lines, author, time, printed patient
 * identifiers and sections (sub-headings with the text under them). Documents without such a
 * wrapper are found by `segmentDocuments`; the lines read here are returned as `owned`.
 */
export function findDocuments(scan: PageScan, warnings: string[]): { documents: { doc: ChartDocument; rank: number }[]; owned: Set<Line> } {
  const owned = new Set<Line>();
  // Innermost containers only: in walk order, a container holding another is followed by it.
  const containers = scan.containers.filter((c, i) => {
    const next = scan.containers[i + 1];
    return !next || next.ctx !== c.ctx || !isInside(next.el, c.el);
  });
  if (containers.length === 0) return { documents: [], owned };
  const parsed = scan.lines
    .filter((line) => looksLikeSignatureLine(line.text) && !inDataCell(line.el))
    .map((line) => ({ line, signature: parseSignatureLine(line.text, refOf(line.el, line.ctx, line.text)) }))
    .filter((s): s is SignedLine => s.signature !== undefined);
  const signatureEls = new Set(parsed.map((s) => s.line.el));
  const signatures = mergeCosignLines(parsed);
  const signatureOf = new Map(signatures.map((s) => [s.line, s]));
  const headingIndex = new Map(scan.headings.map((h, i) => [h.el, i]));
  // One pass to give each container its lines and headings (filtering per container is quadratic).
  const byEl = new Map(containers.map((c) => [c.el, c]));
  const holderOf = (el: Element) => nearest(el, byEl);
  const linesOf = groupBy(scan.lines, (line) => holderOf(line.el));
  const headingsOf = groupBy(scan.headings, (heading) => holderOf(heading.el));
  const documents = containers.map((container, index) => {
    // From the scan rather than querySelectorAll, which recurses in happy-dom on deep pages.
    const found = headingsOf.get(container) ?? [];
    const headings = found.map((h) => h.el);
    const titleEl = headings[0];
    const titleText = found[0]?.text ?? `Document ${index + 1}`;
    const lines = linesOf.get(container) ?? [];
    for (const line of lines) owned.add(line);
    const signed = lines.map((l) => signatureOf.get(l)).find((s) => s !== undefined);
    if (!signed) warnings.push(`No signature line found on "${titleText}".`);
    // Meta lines sit above the first sub-heading: compare walk positions, not DOM positions.
    const firstSub = headings[1] ? headingIndex.get(headings[1])! : Infinity;
    const meta = readMeta(lines.filter((l) => l !== signed?.line && l.heading < firstSub), container);
    const doc: ChartDocument = {
      id: container.el.getAttribute('id') || `document-${index + 1}`,
      kind: kindFromTitle(`${container.el.getAttribute('data-note-type') ?? ''} ${titleText}`),
      title: { value: titleText, source: refOf(titleEl ?? container.el, container.ctx, titleText) },
      signature: signed?.signature ?? { status: 'unknown' },
      identifiers: meta.identifiers,
      sections: headings.slice(1).map((h) => sectionUnder(h, container, signatureEls)),
      source: refOf(container.el, container.ctx, titleText),
    };
    if (meta.author) doc.author = personFrom(meta.author.value, meta.author.source);
    if (meta.createdAt) doc.createdAt = meta.createdAt;
    if (doc.sections.length === 0) {
      const text = lines.filter((l) => l !== signed?.line && l.el !== titleEl).map((l) => l.text).join('\n');
      if (text) doc.sections.push({ title: titleText, text, source: refOf(container.el, container.ctx, text) });
    }
    return { doc, rank: lines[0] ? scan.lines.indexOf(lines[0]) : -1 };
  });
  return { documents, owned };
}

function groupBy<T>(items: T[], key: (item: T) => Found | undefined): Map<Found, T[]> {
  const groups = new Map<Found, T[]>();
  for (const item of items) {
    const holder = key(item);
    if (!holder) continue;
    const group = groups.get(holder);
    if (group) group.push(item);
    else groups.set(holder, [item]);
  }
  return groups;
}

interface SignedLine {
  line: Line;
  signature: Signature;
}

/** A signature status in a table of several columns belongs to that row (an order), not a note. */
function inDataCell(el: Element): boolean {
  const cell = el.closest('td, th');
  return cell !== null && (cell.parentElement?.children.length ?? 0) > 1;
}

/**
 * "Co-signature required" or "Co-signed by …" printed on its own line under the signature:
 * one signature, not two documents.
 */
function mergeCosignLines(lines: SignedLine[]): SignedLine[] {
  const merged: SignedLine[] = [];
  for (const current of lines) {
    const previous = merged[merged.length - 1];
    const cosignOnly = !current.signature.signer && (current.signature.status === 'needs-cosignature' || current.signature.cosigner);
    if (previous && cosignOnly && previous.line.el.parentElement === current.line.el.parentElement) {
      const { signature } = current;
      previous.signature = {
        ...previous.signature,
        ...(signature.cosigner ? { cosigner: signature.cosigner } : { status: 'needs-cosignature' }),
        ...(signature.cosignedAt ? { cosignedAt: signature.cosignedAt } : {}),
      };
      continue;
    }
    merged.push(current);
  }
  return merged;
}

/** The nearest ancestor-or-self of `el` that is a key of `byEl`, within 200 levels. */
function nearest(el: Element, byEl: Map<Element, Found>): Found | undefined {
  let node: Element | null = el;
  for (let i = 0; node && i <= 200; i++, node = node.parentElement) {
    const found = byEl.get(node);
    if (found) return found;
  }
  return undefined;
}

interface Meta {
  author?: Field;
  createdAt?: Field;
  identifiers: ChartDocument['identifiers'];
}

const PERSON_WITH_CREDENTIALS = /^(?:Dr\.?\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)+,?\s+(?:MD|DO|NP|PA-C|PA|RN|CRNA|CNM|DPM|APRN)\b.*$/;
const AUTHOR_LABEL = /^(author|provider|written by|by|clinician|physician|surgeon|attending|consultant|performed by|dictated by)$/i;
const DATE_LABEL = /^(date|date of service|created|note date|time|service date|dos)$/i;

/** Author, time and printed identifiers from the lines above the first section. */
function readMeta(lines: Line[], container: Found): Meta {
  const meta: Meta = { identifiers: {} };
  for (const line of lines) {
    // Built only when a value is kept: a selector costs a climb to the root.
    let ref: SourceRef | undefined;
    const src = () => (ref ??= refOf(line.el, line.ctx ?? container.ctx, line.text));
    const segments = splitSegments(line.text);
    const idSegments = segments.filter((s) => /^(MRN|DOB|Date of birth)\b/i.test(s));
    if (idSegments.length > 0) {
      const name = segments[0];
      if (name && !idSegments.includes(name) && !meta.identifiers.name) meta.identifiers.name = { value: name, source: src() };
      for (const seg of idSegments) {
        const m = /^(MRN|DOB|Date of birth)\s*:?\s*(.+)$/i.exec(seg);
        if (!m) continue;
        if (/^mrn$/i.test(m[1]!)) meta.identifiers.mrn ??= { value: m[2]!, source: src() };
        else meta.identifiers.dob ??= withDate({ value: m[2]!.replace(/\s*\(.*\)$/, ''), source: src() });
      }
      continue;
    }
    for (const pair of pairsFromText(line.text, line.el)) {
      if (AUTHOR_LABEL.test(pair.label) && pair.value) meta.author ??= { value: pair.value, source: src() };
      if (DATE_LABEL.test(pair.label) && parseClinicalDate(pair.value)) meta.createdAt ??= withDate({ value: pair.value, source: src() });
    }
    for (const seg of segments) {
      if (!meta.author && PERSON_WITH_CREDENTIALS.test(seg) && seg.length < 60) meta.author = { value: seg, source: src() };
      if (!meta.createdAt && seg.length < 40 && /^[\d\sA-Za-z,/:.-]+$/.test(seg) && parseClinicalDate(seg)) {
        meta.createdAt = withDate({ value: seg, source: src() });
      }
    }
  }
  return meta;
}

/** A sub-heading and the siblings after it, up to the next heading. */
function sectionUnder(heading: Element, container: Found, signatureEls: Set<Element>): Section {
  const parts: string[] = [];
  let first: Element | undefined;
  for (let el = heading.nextElementSibling, n = 0; el && n < 40 && !/^h[1-6]$/i.test(el.localName); el = el.nextElementSibling, n++) {
    if (signatureEls.has(el)) continue;
    first ??= el;
    const control = el.matches('textarea, input') ? el : el.querySelector('textarea');
    parts.push(control ? valueOrText(control) : valueOrText(el));
  }
  const text = parts.filter(Boolean).join('\n');
  return { title: textOf(heading), text, source: refOf(first ?? heading, container.ctx, text) };
}
