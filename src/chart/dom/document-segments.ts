import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import { isDocumentTitle, kindFromTitle } from '../document-kind.ts';
import type { ChartDocument, Field, Section, Signature, SignatureStatus, SourceRef } from '../snapshot.ts';
import { CREDENTIAL_ALTERNATION, DOCUMENT_LABELS, PATIENT_LABELS, SIGNATURE_STATUSES } from '../vocabulary.ts';
import { pairsFromText, splitRunOnLabels, splitSegments, type LabelValue } from './label-value.ts';
import { byTagOrRole, closestWhere, type Line, type PageScan } from './page-scan.ts';
import { looksLikeSignatureLine, parseSignatureLine, personFrom } from './signature-line.ts';
import { refOf } from './source-ref.ts';
import { smallTextOf } from './text.ts';

/**
 * Documents in a stream of lines, the way a reader finds them on a page with no markup for
 * notes: a note starts at its title (a heading naming a document kind, a "LOCAL TITLE:" or
 * "Note Type:" line, an emphasised title line) and runs to the next one. Its header lines
 * ("AUTHOR:", "STATUS:", "Date of Service:") and signature lines ("/es/ …", "Electronically
 * signed by …", "UNSIGNED") are read by the vocabularies. Works the same on headed HTML, `<pre>`
 * text, `<br>`-broken blocks and print views with one positioned span per line.
 */

export interface SegmentedDocument {
  doc: ChartDocument;
  /** Position of its first line in the scan, for page order. */
  rank: number;
  lines: Line[];
}

interface Open {
  anchor: Line;
  title: string;
  /** The title line's other parts ("Jane Roe, MD", "Sep 16, 2026 8:30 AM", "Pending cosign"). */
  parts: string[];
  titleLine: Line;
  lines: Line[];
  hasBody: boolean;
  signed: boolean;
  level: number;
  /** Levels of the headings inside it that named no document: its sections. */
  sectionLevels: Set<number>;
}

/**
 * Elements whose lines are never document titles: navigation, menus, tabs, toolbars and plain
 * buttons. An accordion's header button (aria-expanded) or a `summary` is a note's title bar.
 */
const CHROME_PART = byTagOrRole(['nav', 'select', 'option'], ['navigation', 'menu', 'menubar', 'tablist', 'tab', 'toolbar', 'menuitem']);
const NOT_CONTENT = (node: Element) => CHROME_PART(node) || (node.localName.toLowerCase() === 'button' && !node.hasAttribute('aria-expanded'));
const HEADING_TAG = /^h([1-6])$/i;
/** A person as a title bar shows one: "Colin Ashby, PA-C", "Patel, Anjali, MD", "Dr. Lee". */
const PERSON = new RegExp(`^(?:dr\\.?\\s+)?[A-Z][A-Za-z'.-]+(?:,?\\s+[A-Z][A-Za-z'.-]*){1,3},?\\s+(?:${CREDENTIAL_ALTERNATION}|M\\.D\\.|D\\.O\\.)(?![A-Za-z]).*$|^dr\\.?\\s+[A-Z][A-Za-z'-]+`);
/** A patient's name printed without a label: "Winifred J. Halloran-Tice", "HALLORAN-TICE, WINIFRED J". */
const UNLABELLED_NAME = /^(?:[A-Z][A-Za-z'-]+(?:\s(?:[A-Z]\.?|[A-Z][A-Za-z'-]+)){1,3}|[A-Z][A-Za-z'-]+,\s?[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z.'-]*){0,2})$/;

/** A line that starts an addendum to the note above it. */
const ADDENDUM = /^\s*(?:[\d/.-]{6,10}\s+)?(?:\*+\s*)?addendum\b/i;

/**
 * Segments the page's lines into documents. `isOwned` says which lines other readers hold
 * already (documents of their own, data-table rows, banners): they neither start nor join one.
 */
export function segmentDocuments(scan: PageScan, lines: Line[], isOwned: (line: Line) => boolean): SegmentedDocument[] {
  const out: SegmentedDocument[] = [];
  const headingLevel = new Map(scan.headings.map((h) => [h.el, levelOf(h.el)]));
  const boldStyled = scan.isBoldStyled ?? (() => false);
  let open: Open | undefined;
  const close = () => {
    if (open) {
      const doc = readDocumentLines(open, out.length);
      // Rows of an index table (number, title, date, author, status cells) list documents: short cells are no body.
      const table = tableOf(open.anchor.el);
      if (doc && table && open.lines.every((l) => l.text.length <= 60 && tableOf(l.el) === table)) doc.sections = [];
      if (doc) out.push({ doc, rank: scan.lines.indexOf(open.anchor), lines: open.lines });
    }
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isOwned(line)) continue;
    const blockStart = i === 0 || lines[i - 1]!.el !== line.el;
    const title = anchorTitle(line, headingLevel, lines, i, isOwned, blockStart, boldStyled);
    if (title !== undefined) {
      const level = headingLevel.get(line.el) ?? 7;
      // "STANDARD TITLE:" under "LOCAL TITLE:", a page's running header repeating the title,
      // a sub-heading of the same note: the note goes on.
      const sameNote = open && (!open.hasBody && !open.signed && title.kind === 'pair'
        || (!open.signed && norm(title.text) === norm(open.title))
        // A deeper heading is the note's own section, unless it names another kind of
        // document after the note has said something ("Procedure Note: Knee Injection" in a visit).
        || (title.kind === 'heading' && !open.signed && level > open.level && !(title.named && open.hasBody && kindFromTitle(title.text) !== kindFromTitle(open.title)))
        // A heading like the note's other section headings ("Disposition" after "Hospital
        // Course"), with the note's signature below it: the note's last section.
        || (title.kind === 'heading' && !title.named && !open.signed && open.sectionLevels.has(level)));
      if (!sameNote) {
        close();
        open = { anchor: line, title: title.text, parts: title.parts ?? [], titleLine: line, lines: [], hasBody: false, signed: false, level, sectionLevels: new Set() };
        continue;
      }
    }
    if (!open) continue;
    open.lines.push(line);
    const sectionLevel = headingLevel.get(line.el);
    if (sectionLevel !== undefined && title === undefined) open.sectionLevels.add(sectionLevel);
    if (looksLikeSignatureLine(line.text) && parseSignatureLine(line.text, { text: line.text })) open.signed = true;
    else if (!isHeaderPair(line)) open.hasBody = true;
  }
  close();
  return out;
}

interface AnchorTitle {
  text: string;
  kind: 'pair' | 'heading' | 'line';
  /** The title names a document kind (not just any heading). */
  named: boolean;
  parts?: string[];
}

function anchorTitle(
  line: Line, levels: Map<Element, number>, lines: Line[], at: number, isOwned: (line: Line) => boolean, blockStart: boolean,
  boldStyled: (el: Element) => boolean,
): AnchorTitle | undefined {
  const text = line.text;
  if (text.length > 200 || safeClosest(line.el, NOT_CONTENT)) return undefined;
  // A title bar of parts (title, author, time, status chip), as cards and accordions show a note.
  const parts = partsOf(line);
  if (parts.length >= 2) {
    const at = parts.findIndex((p) => isDocumentTitle(stripTrailingMeta(p)));
    // Not a labelled sentence ("<b>Dyspnea:</b> D-dimer mildly elevated; CTA chest negative."):
    // a title is no sentence, and a part before it that ends in a colon labels what follows.
    const labelled = at === 1 && /[:：]$/.test(parts[0]!);
    if (at >= 0 && at <= 1 && !labelled && !SENTENCE.test(parts[at]!)) return { text: stripTrailingMeta(parts[at]!), kind: 'line', named: true, parts: parts.filter((_, i) => i !== at) };
  }
  if (text.length > 120) return undefined;
  // "LOCAL TITLE: PROGRESS NOTE", "Note Type: Consult", "Document: Discharge Summary"
  const pair = titlePair(line);
  if (pair) return { text: pair, kind: 'pair', named: true };
  if (ADDENDUM.test(text) && text.length <= 80) return { text: text.replace(/[*\s]+$/, '').replace(/^[*\s]+/, ''), kind: 'line', named: true };
  const isHeading = levels.has(line.el);
  const named = isDocumentTitle(stripTrailingMeta(text));
  if (isHeading && named) return { text: stripTrailingMeta(text), kind: 'heading', named };
  if (isHeading) {
    // Any other heading starts a document when a signature follows before the next heading.
    for (let j = at + 1; j < lines.length && j < at + 200; j++) {
      const next = lines[j]!;
      if (isOwned(next)) continue;
      if (levels.has(next.el)) break;
      // A signature line of its own ("Signature pending") or one naming its signer or time: a legend's "not dictated" is no note's.
      const signed = looksLikeSignatureLine(next.text) ? parseSignatureLine(next.text, { text: next.text }) : undefined;
      if (signed && (signed.signer || signed.signedAt || next.text.length <= 60)) return { text, kind: 'heading', named: false };
    }
    return undefined;
  }
  // A title line on its own: emphasised, in capitals ("DISCHARGE SUMMARY"), or the first line of a
  // block of plain text (a note viewer's text starts with the note's title).
  if (named && text.length <= 80 && (isEmphasised(line.el, text) || isCapitals(stripTrailingMeta(text)) || (blockStart && line.pre === true) || boldStyled(line.el))) {
    return { text: stripTrailingMeta(text), kind: 'line', named };
  }
  return undefined;
}

/** A line that holds only when something was signed: "on: 07/22/2026 08:47", "at 11/08/2025 15:42". */
const SIGNED_ON = /^\s*(?:on|at|date(?:\/time)?|signed on)\s*:?\s+(\S.{5,40})$/i;

/** Prose, not a title: clauses parted by a semicolon, or a full stop after a word at the end. */
const SENTENCE = /;\s|[a-z]{3}\.$/;

/** The value of a title or note-type label on the line ("LOCAL TITLE: PROGRESS NOTE"). */
function titlePair(line: Line): string | undefined {
  const pair = pairsFromText(line.text, line.el).find((p) => ['title', 'type'].includes(DOCUMENT_LABELS.lookup(p.label) ?? ''));
  return pair && pair.value && pair.value.length <= 90 && !/^\d/.test(pair.value) ? pair.value.trim() : undefined;
}

/**
 * "Consent for Biopsy   [ICS Image]", "Addendum #1   (to Office Visit Note of 08/11/2026)": a
 * qualifier set apart from the title by a gap (the source system, what it amends) is not title.
 */
const GAPPED_QUALIFIER = /\s{2,}[[(][^[\]()]*[\])]\s*$/;

/** "Progress Note - 04/06/2026 21:40" → "Progress Note": a title line may carry its date. */
function stripTrailingMeta(text: string): string {
  const stripped = text.replace(GAPPED_QUALIFIER, '').replace(/\s*[-–—|·:,]?\s*(\(?\s*\d{1,4}[/-]\d{1,2}[/-]\d{1,4}.*|\d{1,2}[- ](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[- ]\d{2,4}.*)$/i, '').trim();
  return stripped || text;
}

/** The texts of a line's element children, when the line is made of several (chips, spans, cells). */
function partsOf(line: Line): string[] {
  // Element children and the text between them ("History &amp; Physical <span>Signed</span>").
  const children = [...line.el.childNodes].filter((n) => n.nodeType === 1 || (n.nodeType === 3 && (n.nodeValue ?? '').trim() !== ''));
  if (children.length < 2 || children.length > 12) return [];
  // A title bar's parts are small (a span, a chip): a child block holding more is the note itself.
  const texts: string[] = [];
  for (const c of children) {
    const text = c.nodeType === 3 ? (c.nodeValue ?? '').replace(/\s+/g, ' ').trim() : smallTextOf(c as Element);
    if (text === undefined) return [];
    if (text) texts.push(text);
  }
  // Only when the children hold (nearly) all of the line's text: not a sentence with a bold word.
  // Counted without spaces: a title bar spaces its parts with runs of &nbsp; the parts do not hold.
  const letters = (text: string) => text.replace(/\s+/g, '').length;
  return texts.length >= 2 && letters(texts.join('')) >= letters(line.text) * 0.9 ? texts : [];
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

const EMPHASIS = new Set(['b', 'strong', 'u', 'th', 'caption', 'legend', 'summary', 'dt', 'label']);

/** The line's block is a title element, or its text is all inside bold/strong/underline. */
function isEmphasised(el: Element, text: string): boolean {
  const tag = el.localName.toLowerCase();
  if (EMPHASIS.has(tag)) return true;
  if (/\b(title|header|heading|caption|subject|doc-?name|note-?type)\b/i.test(el.getAttribute('class') ?? '')) return true;
  const style = el.getAttribute('style') ?? '';
  if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) return true;
  const children = [...el.children];
  const only = children[0];
  return children.length === 1 && only !== undefined && EMPHASIS.has(only.localName.toLowerCase()) && smallTextOf(only) === text;
}

function isHeaderPair(line: Line): boolean {
  const pairs = pairsFromText(line.text, line.el);
  return pairs.length > 0 && pairs.every((p) => DOCUMENT_LABELS.lookup(p.label) !== undefined || PATIENT_LABELS.lookup(p.label) !== undefined);
}

function levelOf(el: Element): number {
  const m = HEADING_TAG.exec(el.localName);
  if (m) return Number(m[1]);
  const aria = Number(el.getAttribute('aria-level'));
  return Number.isFinite(aria) && aria > 0 ? aria : 2;
}

function safeClosest(el: Element, test: (node: Element) => boolean): boolean {
  return closestWhere(el, test) !== null;
}

function norm(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const TABLE = byTagOrRole(['table'], ['grid', 'table']);

function tableOf(el: Element): Element | null {
  return closestWhere(el, TABLE, 8);
}

/** What a document reader is given: its title line, its other lines, and where its title came from. */
export interface DocumentLines {
  anchor: Line;
  title: string;
  /** The title bar's other parts (author, time, status chip). */
  parts: string[];
  titleLine: Line;
  lines: Line[];
  /** The document's own id (its element's id), when it has one. */
  id?: string;
}

/** The title of a title line and its other parts: "History & Physical" + ["Signed · Cosigned"]. */
export function titleParts(line: Line): { title: string; parts: string[] } {
  const parts = partsOf(line);
  // "Document Type:   History and Physical": the label's value is the title.
  const labelled = parts.length < 2 ? titlePair(line) : undefined;
  if (labelled) return { title: labelled, parts: [] };
  const at = parts.findIndex((p) => isDocumentTitle(stripTrailingMeta(p)));
  if (parts.length >= 2) {
    const i = at >= 0 ? at : 0;
    return { title: stripTrailingMeta(parts[i]!), parts: parts.filter((_, j) => j !== i) };
  }
  return { title: stripTrailingMeta(line.text), parts: [] };
}

/** Reads one document's header pairs, signature lines and body into a ChartDocument. */
export function readDocumentLines(open: DocumentLines, index: number): ChartDocument | undefined {
  const { anchor } = open;
  const ref = (line: Line, text = line.text) => refOf(line.el, line.ctx, text);
  const meta: Meta = {};
  const identifiers: ChartDocument['identifiers'] = {};
  let signature: Signature | undefined;
  const cosigns: Signature[] = [];
  const body: Line[] = [];
  let standaloneStatus: { status: SignatureStatus; field: Field } | undefined;
  let pendingCosignTime = false;
  // The title bar's other parts: who, when, and a status chip.
  for (const part of open.parts) {
    const partField = (): Field => ({ value: part, source: ref(anchor, part) });
    const parsed = looksLikeSignatureLine(part) ? parseSignatureLine(part, ref(anchor, part)) : undefined;
    const status = part.length <= 40 ? SIGNATURE_STATUSES.lookup(part) : undefined;
    if (parsed && (parsed.signer || parsed.signedAt)) signature ??= parsed;
    else if (status) meta.status ??= partField();
    else if (parseClinicalDate(part) && part.length <= 40) meta.createdAt ??= withDate(partField());
    else if (PERSON.test(part) && part.length <= 60) meta.author ??= partField();
    else {
      const pairs = pairsFromText(part, anchor.el);
      for (const p of pairs) readPair(p, DOCUMENT_LABELS.lookup(p.label), PATIENT_LABELS.lookup(p.label), anchor);
    }
  }
  // The anchor line itself may carry header pairs ("Progress Note   Author: …   Status: Signed").
  let signedJustAbove = false;
  for (const line of [anchor, ...open.lines]) {
    const isAnchor = line === anchor;
    // "Electronically Signed by: Roe, Ann MD" over "on: 07/22/2026 08:47": the time of that signature.
    const timeBelow = signedJustAbove && signature?.signer && !signature.signedAt ? SIGNED_ON.exec(line.text) : null;
    signedJustAbove = false;
    if (timeBelow && parseClinicalDate(timeBelow[1]!)) {
      signature!.signedAt = withDate({ value: timeBelow[1]!, source: ref(line) });
      continue;
    }
    const parsed = looksLikeSignatureLine(line.text) ? parseSignatureLine(line.text, ref(line)) : undefined;
    const pairs = pairsFromText(line.text, line.el);
    const known = pairs.map((p) => ({ p, means: DOCUMENT_LABELS.lookup(p.label), id: PATIENT_LABELS.lookup(p.label) }));
    const headerPairs = known.filter((k) => k.means !== undefined || k.id !== undefined);
    for (const { p, means, id } of headerPairs) readPair(p, means, id, line);
    readIdentifierLine(line);
    // "Surgeon: Victor Ames, MD · 11/18/2026 09:30": a time beside the header pairs.
    if (headerPairs.length > 0 && !meta.createdAt) {
      const time = splitSegments(line.text).find((seg) => seg.length <= 40 && /^(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i.test(seg) && parseClinicalDate(seg));
      if (time) meta.createdAt = withDate({ value: time, source: ref(line) });
    }
    if (parsed && (parsed.signer || parsed.signedAt || parsed.cosignedAt || parsed.status !== 'signed' || parsed.cosigner)) {
      // "/es/ NAME" with the time on a line of its own below ("Signed: 04/08/2026 15:42").
      if (!parsed.signer && !parsed.cosigner && parsed.signedAt && signature?.signer && !signature.signedAt) signature.signedAt = parsed.signedAt;
      else if (!parsed.signer && !parsed.cosigner && (parsed.signedAt || parsed.cosignedAt) && pendingCosignTime && signature) {
        signature.cosignedAt = parsed.cosignedAt ?? parsed.signedAt;
        pendingCosignTime = false;
      }
      else if (!parsed.signer && !parsed.cosigner && parsed.cosignedAt && signature) {
        if (signature.cosigner) signature.cosignedAt ??= parsed.cosignedAt;
        else cosigns.push(parsed);
      } else if (!parsed.signer && (parsed.cosigner || parsed.status === 'needs-cosignature') && signature) cosigns.push(parsed);
      // A second signer after a signed note: its co-signer (a TIU note's attending "/es/").
      else if (signature?.status === 'signed' && signature.signer && parsed.signer && parsed.status === 'signed' && !signature.cosigner && !sameSigner(signature, parsed)) {
        signature.cosigner = parsed.signer;
        if (parsed.signedAt) signature.cosignedAt = parsed.signedAt;
        pendingCosignTime = !parsed.signedAt;
      }
      // A fuller line (with its signer) after a bare status, even one saying a co-signature is still due.
      else if (!signature || (signature.status !== 'signed' && (parsed.status === 'signed' || parsed.status === 'needs-cosignature') && parsed.signer && !signature.signer)) signature = mergeSignature(signature, parsed);
      else cosigns.push(parsed);
      signedJustAbove = true;
      continue;
    }
    if (isAnchor) continue;
    const status = headerPairs.length === 0 && line.text.length <= 40 ? SIGNATURE_STATUSES.lookup(line.text) : undefined;
    // "UNSIGNED", "** UNCOSIGNED **" on a line of its own.
    if (status && /^[\s*()[\]-]*[A-Za-z -]+[\s*()[\]-]*$/.test(line.text) && isCapitals(line.text)) {
      standaloneStatus ??= { status: status as SignatureStatus, field: { value: line.text, source: ref(line) } };
      continue;
    }
    if (headerPairs.length === 0 || headerPairs.length < pairs.length) body.push(line);
  }

  /**
   * "Winifred J. Halloran-Tice · MRN HM-0092741 · DOB 1961-06-08": a document's identifier line,
   * labels followed by a space only, the name first without a label.
   */
  function readIdentifierLine(line: Line): void {
    if (line.text.length > 200) return;
    const segments = splitSegments(line.text);
    if (segments.length < 2) return;
    let found = 0;
    for (const segment of segments) {
      const m = /^(MRN|MR ?#|DOB|D\.O\.B\.?|Unit ?#|Med ?Rec ?#?)\s+([^:\s].*)$/i.exec(segment);
      const id = m ? PATIENT_LABELS.lookup(m[1]!) : undefined;
      if (!m || (id !== 'mrn' && id !== 'dob')) continue;
      found++;
      readPair({ label: m[1]!, value: m[2]!, element: line.el }, undefined, id, line);
    }
    const first = segments[0]!;
    if (found > 0 && UNLABELLED_NAME.test(first) && !PERSON.test(first)) identifiers.name ??= { value: first, source: ref(line, line.text) };
  }

  function readPair(p: LabelValue, means: string | undefined, id: string | undefined, line: Line): void {
    const value = p.value.trim();
    // "DOB:" printed with nothing after it: the document names the identifier and leaves it blank.
    if (!value && !means && id && (id === 'name' || id === 'mrn' || id === 'dob')) identifiers[id] ??= { value: '', source: ref(line, `${p.label}:`) };
    if (!value) return;
    const field = (): Field => ({ value, source: ref(line, `${p.label}: ${value}`) });
    if (id === 'name' && !means) identifiers.name ??= field();
    else if (id === 'mrn' && !means) identifiers.mrn ??= field();
    else if (id === 'dob' && !means) identifiers.dob ??= withDate(field());
    // "Vanterpool MD, Gideon (05/12/2026 01:35 CDT)": a person with the time in brackets.
    const bracketed = /^(.*?)\s*\(([^()]*\d[^()]*)\)\s*$/.exec(value);
    const person = (): Field => ({ value: bracketed && parseClinicalDate(bracketed[2]!) ? bracketed[1]!.trim() : value, source: ref(line, `${p.label}: ${value}`) });
    const timeIn = (): Field | undefined => {
      const text = bracketed?.[2] ?? value;
      return parseClinicalDate(text) ? withDate({ value: text, source: ref(line, `${p.label}: ${value}`) }) : undefined;
    };
    switch (means) {
      case 'author':
        meta.author ??= person();
        if (bracketed) meta.createdAt ??= timeIn();
        break;
      case 'dictatedBy':
        meta.author ??= person();
        meta.dictated = true;
        break;
      case 'dictatedAt':
        meta.dictated = true;
        meta.createdAt ??= timeIn();
        break;
      case 'signedBy': {
        const who = person();
        if (!/[A-Za-z]{2}/.test(who.value)) break;
        meta.signedBy ??= who;
        meta.signedAt ??= timeIn();
        break;
      }
      case 'cosigner': {
        // "Cosigned by: Rafferty, Colm D., MD – 08/04/2026 07:45": who, then when.
        const when = timeIn();
        const who = value.replace(/\s*[-–—·,(]*\s*(?:on\s+)?(?:\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/i, '').trim();
        meta.cosigner ??= when && who ? { value: who, source: ref(line, `${p.label}: ${value}`) } : field();
        if (when) meta.cosignedAt ??= when;
        break;
      }
      case 'status': meta.status ??= field(); break;
      case 'signedAt': if (parseClinicalDate(value)) meta.signedAt ??= withDate(field()); else meta.status ??= field(); break;
      case 'cosignedAt': if (parseClinicalDate(value)) meta.cosignedAt ??= withDate(field()); break;
      case 'createdAt': if (parseClinicalDate(value)) meta.createdAt ??= withDate(field()); break;
      case undefined:
      default: break;
    }
  }

  // A card's byline and time under its title: "Jae-won Park, RN · Nursing", "Sep 16, 2026 6:45 AM".
  for (const line of body.slice(0, 4)) {
    if (line.text.length > 160) continue;
    for (const segment of splitSegments(line.text)) {
      if (!meta.author && PERSON.test(segment) && segment.length <= 60) meta.author = { value: segment, source: ref(line, line.text) };
      else if (!meta.createdAt && segment.length <= 40 && parseClinicalDate(segment)) meta.createdAt = withDate({ value: segment, source: ref(line, line.text) });
    }
  }
  // "Author" over "Jane Roe, MD": a label line and its value line (dt/dd, th/td, label/value cells).
  const paired = pairedLines(open.lines);
  for (const { label, value } of paired) {
    const means = DOCUMENT_LABELS.lookup(label.text);
    const id = PATIENT_LABELS.lookup(label.text);
    if (means || id) readPair({ label: label.text, value: value.text, element: value.el }, means, id, value);
  }
  const final = resolveSignature(signature, cosigns, meta, standaloneStatus);
  // "Documented by: Simone Delacroix" over "Signed: 08/04/2026 09:59": a signature that names no
  // one is the documenting author's (the EHR signs as the user who files the note).
  if (final.status === 'signed' && !final.signer && final.signedAt && meta.author && !meta.dictated) final.signer = personFrom(meta.author.value, meta.author.source);
  if (!final.line && final.status === 'unknown' && body.length === 0 && !meta.author) return undefined;
  const titleRef = ref(open.titleLine, open.title);
  const pairedValues = new Set(paired.flatMap((p) => (DOCUMENT_LABELS.lookup(p.label.text) || PATIENT_LABELS.lookup(p.label.text) ? [p.label, p.value] : [])));
  const sections = sectionsOf(body.filter((l) => !pairedValues.has(l)), open.title, ref);
  const doc: ChartDocument = {
    id: open.id ?? (anchor.el.getAttribute('id') || `segment-${index + 1}`),
    kind: kindFromTitle(open.title),
    title: { value: open.title, source: titleRef },
    signature: final,
    identifiers,
    sections,
    source: titleRef,
  };
  const author = meta.author ?? final.signer?.name;
  if (meta.author) doc.author = personFrom(meta.author.value, meta.author.source);
  else if (author && final.signer) doc.author = final.signer;
  if (meta.createdAt) doc.createdAt = meta.createdAt;
  return doc;
}

const LABEL_CELL = new Set(['dt', 'th', 'label']);

/** Label lines followed by their value line: `dt`/`dd`, `th`/`td`, a label cell and the cell after it. */
function pairedLines(lines: Line[]): { label: Line; value: Line }[] {
  const pairs: { label: Line; value: Line }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const label = lines[i]!;
    const value = lines[i + 1]!;
    const tag = label.el.localName.toLowerCase();
    const next = value.el.localName.toLowerCase();
    const isLabel = (LABEL_CELL.has(tag) && label.text.length <= 40)
      || (tag === 'td' && next === 'td' && label.el.nextElementSibling === value.el && label.text.length <= 30 && /:?$/.test(label.text));
    if (isLabel && (next === 'dd' || next === 'td' || label.el.nextElementSibling === value.el)) {
      pairs.push({ label: { ...label, text: label.text.replace(/[\s:]+$/, '') }, value });
      i++;
    }
  }
  return pairs;
}

/**
 * The body's sections: a heading line, a "FINDINGS:" label at the start of a line, or a
 * definition-list term starts one; the lines after it are its text. A body without such a
 * line is one section under the document's title.
 */
function sectionsOf(body: Line[], title: string, ref: (line: Line, text?: string) => SourceRef): Section[] {
  const sections: { title: string; lines: string[]; first: Line }[] = [];
  let current: { title: string; lines: string[]; first: Line } | undefined;
  for (const line of body.flatMap((l) => splitRunOnLabels(l.text).map((text) => ({ ...l, text })))) {
    const tag = line.el.localName.toLowerCase();
    const labelled = SECTION_LABEL.exec(line.text);
    const heading = /^h[1-6]$/.test(tag) || tag === 'dt' || line.el.getAttribute('role') === 'heading';
    if (heading && line.text.length <= 80) {
      current = { title: line.text.replace(/[\s:]+$/, ''), lines: [], first: line };
      sections.push(current);
    } else if (labelled && !DOCUMENT_LABELS.lookup(labelled[1]!) && !PATIENT_LABELS.lookup(labelled[1]!)) {
      current = { title: labelled[1]!.trim(), lines: labelled[2] ? [labelled[2]] : [], first: line };
      sections.push(current);
    } else {
      if (!current) {
        current = { title, lines: [], first: line };
        sections.push(current);
      }
      current.lines.push(line.text);
    }
  }
  return sections.map((s) => {
    const text = s.lines.join('\n');
    return { title: s.title, text, source: ref(s.first, text || s.title) };
  });
}

/** "FINDINGS: Gallbladder distended…", "Assessment/Plan:" — a section label at the start of a line. */
const SECTION_LABEL = /^([A-Z][A-Za-z /&()'-]{2,40}?)\s*:\s*(.*)$/;

function sameSigner(a: Signature, b: Signature): boolean {
  const words = (s: Signature) => new Set((s.signer?.name.value ?? '').toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2));
  const wa = words(a);
  return [...words(b)].some((w) => wa.has(w));
}

interface Meta {
  author?: Field;
  cosigner?: Field;
  status?: Field;
  signedAt?: Field;
  signedBy?: Field;
  cosignedAt?: Field;
  createdAt?: Field;
  /** The header says the document was dictated or transcribed. */
  dictated?: boolean;
}

/** A later, fuller signature line (with the signer) takes the place of a bare status. */
function mergeSignature(earlier: Signature | undefined, later: Signature): Signature {
  if (!earlier) return later;
  return { ...earlier, ...later };
}

/**
 * The document's signature from everything its lines said: the signature line first, then
 * a STATUS header or a status line on its own, which may say more ("UNCOSIGNED" under
 * "/es/ …"), and the cosigner header.
 */
function resolveSignature(
  signature: Signature | undefined,
  cosigns: Signature[],
  meta: Meta,
  standalone: { status: SignatureStatus; field: Field } | undefined,
): Signature {
  const result: Signature = signature ? { ...signature } : meta.signedBy ? { status: 'signed', signer: personFrom(meta.signedBy.value, meta.signedBy.source), line: meta.signedBy } : { status: 'unknown' };
  for (const c of cosigns) {
    if (c.cosigner) {
      result.cosigner = c.cosigner;
      if (c.cosignedAt) result.cosignedAt = c.cosignedAt;
    } else if (c.status === 'needs-cosignature' && !result.cosigner) result.status = result.status === 'unknown' ? 'needs-cosignature' : result.status === 'signed' ? 'needs-cosignature' : result.status;
  }
  const stated = meta.status ? (SIGNATURE_STATUSES.lookup(meta.status.value) as SignatureStatus | undefined) : undefined;
  const said = stated ?? standalone?.status;
  if (said) {
    // A stated status that says less than signed wins over a signature line (a TIU note is
    // "/es/"-signed by a resident and still UNCOSIGNED); "signed" fills in an unknown one.
    if (said !== 'signed' || result.status === 'unknown') result.status = said;
    if (!result.line) result.line = meta.status ?? standalone?.field;
  }
  if (meta.signedAt && !result.signedAt && (result.status === 'signed' || result.status === 'needs-cosignature')) result.signedAt = meta.signedAt;
  if (meta.signedAt && result.status === 'unknown') {
    result.status = 'signed';
    result.signedAt = meta.signedAt;
    result.line ??= meta.signedAt;
  }
  if (meta.cosigner && !result.cosigner && result.status === 'needs-cosignature') {
    // The expected cosigner, named but not yet signed: kept as the one the note waits for.
  } else if (meta.cosigner && !result.cosigner && meta.cosignedAt) {
    result.cosigner = personFrom(meta.cosigner.value, meta.cosigner.source);
    result.cosignedAt = meta.cosignedAt;
  }
  if (result.status === 'signed' && !result.signer && !result.signedAt && !result.line) result.status = 'unknown';
  // Dictated (a DICT DATE, "Dictated by") and not signed: the transcription awaits its author.
  if (meta.dictated && (result.status === 'unsigned' || (result.status === 'unknown' && !result.line))) result.status = 'dictated-not-signed';
  // Only a status word ("STATUS: COMPLETED", a chip): the signature itself is not on the page.
  if (result.status !== 'unknown' && !result.signer && !result.signedAt) result.statusOnly = true;
  return result;
}
