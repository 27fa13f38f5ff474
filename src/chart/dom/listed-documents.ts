import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import { isDocumentTitle, kindFromTitle } from '../document-kind.ts';
import type { ChartDocument, Field, Signature, SignatureStatus } from '../snapshot.ts';
import { DEFICIENCY_TYPES, DOCUMENT_LABELS, SIGNATURE_STATUSES } from '../vocabulary.ts';
import { isOrderGrid } from './order-table.ts';
import { byTagOrRole, closestWhere, type Line, type PageScan } from './page-scan.ts';
import { parseSignatureLine, personFrom } from './signature-line.ts';
import { refOf } from './source-ref.ts';
import { columnsOf, gridOf, type GridRow } from './table-grid.ts';
import { textOf } from './text.ts';

/**
 * Documents listed rather than shown: rows of a notes grid or a scanned-document index
 * (columns named Note Type / Author / Status / Date…), rows of an HIM deficiency worklist, and
 * leaves of a documents tree ("Progress Note 04/06/2026 - Auth (Verified)"). Each gives a
 * document with what its row says; a document shown in full elsewhere on the page (the reader
 * pane) is merged with its row by `mergeListed`.
 */

export interface ListedDocument {
  doc: ChartDocument;
  rank: number;
  /** The row's or leaf's element: its lines belong to it. */
  el: Element;
}

export function findListedDocuments(scan: PageScan): ListedDocument[] {
  const listed: ListedDocument[] = [];
  const rankOf = rankByElement(scan);
  for (const table of scan.tables) {
    const grid = gridOf(table.el);
    if (!grid || grid.rows.length === 0) continue;
    const cols = columnsOf(grid, DOCUMENT_LABELS);
    // An order table is read by findOrders.
    if (isOrderGrid(grid, `${scan.headings[table.heading]?.text ?? ''} ${textOf(table.el.querySelector('caption'))}`)) continue;
    if (!(cols.has('title') || cols.has('type')) || !(cols.has('status') || cols.has('author') || cols.has('signedAt') || cols.has('deficiency') || cols.has('createdAt'))) continue;
    grid.rows.forEach((row, i) => {
      const doc = rowDocument(row, cols, grid.header, table.ctx, listed.length + 1);
      if (doc) listed.push({ doc, rank: rankOf(row.el), el: row.el });
      void i;
    });
  }
  for (const line of scan.lines) {
    const leaf = treeLeaf(line);
    if (leaf) listed.push({ doc: leaf, rank: scan.lines.indexOf(line), el: line.el });
  }
  return listed;
}

/** "VO:", "T.O.", "Verbal order": an order, not a document. */
const WRITTEN_ORDER_START = /^\W{0,3}(?:V\.?O\.?|T\.?O\.?|VORB|TORB|V\/O|T\/O|verbal order|telephone order|phone order)\b/i;

/** A cell's own leading text, before the first element child ("Progress Note <span>Author: …</span>"). */
function leadingText(cell: Element | undefined): string {
  if (!cell) return '';
  let text = '';
  for (const node of cell.childNodes) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (text.trim()) break;
    else text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

function kindFromTitleKnown(text: string): boolean {
  return text !== '' && kindFromTitle(text) !== 'other';
}

function rowDocument(row: GridRow, cols: Map<string, number>, header: string[], ctx: PageScan['lines'][number]['ctx'], n: number): ChartDocument | undefined {
  const cell = (means: string) => {
    const i = cols.get(means);
    return i === undefined ? undefined : row.cells[i];
  };
  const text = (means: string) => textOf(cell(means));
  const field = (means: string): Field | undefined => {
    const el = cell(means);
    const value = textOf(el);
    return el && value ? { value, source: refOf(el, ctx, value) } : undefined;
  };
  // "Note Type: Progress Notes" beside "Description: IM Resident Progress Note": the
  // description is the title, the type says the kind.
  // On a worklist the "Type" column may be the deficiency (Sign, Cosign, Dictate) beside a "Document" column.
  const typeIsDeficiency = !cols.has('deficiency') && text('title') !== '' && DEFICIENCY_TYPES.lookup(text('type')) !== undefined && !kindFromTitleKnown(text('type'));
  const typeText = typeIsDeficiency ? '' : text('type');
  const titleText = leadingText(cell('title')) || text('title') || typeText;
  if (!titleText || titleText.length > 120) return undefined;
  // A group row (the patient's name across the columns) or an order listed among documents.
  if (row.cells.some((c) => Number(c.getAttribute('colspan')) > 1) || WRITTEN_ORDER_START.test(titleText)) return undefined;
  const rowText = row.cells.map((c) => textOf(c)).join(' | ');
  const source = refOf(row.el, ctx, rowText);
  const signature = rowSignature((means) => field(means === 'deficiency' && typeIsDeficiency ? 'type' : means), text);
  if (signature === 'missing') return undefined;
  const doc: ChartDocument = {
    id: row.el.getAttribute('id') || `listed-${n}`,
    kind: typeText && kindFromTitle(typeText) !== 'other' ? kindFromTitle(typeText) : kindFromTitle(titleText),
    title: { value: titleText, source: (field('title') ?? field('type'))!.source },
    signature,
    identifiers: {},
    sections: [],
    source,
  };
  const author = field('author');
  if (author) doc.author = personFrom(author.value, author.source);
  const created = field('createdAt');
  if (created && parseClinicalDate(created.value)) doc.createdAt = withDate(created);
  void header;
  return doc;
}

/** What a row says of the signature: its Status / Signed / Deficiency cells. */
function rowSignature(field: (means: string) => Field | undefined, text: (means: string) => string): Signature | 'missing' {
  const status = field('status');
  const signedAt = field('signedAt');
  const deficiency = field('deficiency');
  const cosigner = field('cosigner');
  let said = status ? (SIGNATURE_STATUSES.lookup(status.value) as SignatureStatus | undefined) : undefined;
  // A "Signed" column may hold the time, or a Yes/No.
  const signedIso = signedAt ? parseClinicalDate(signedAt.value) : undefined;
  if (deficiency) {
    const need = DEFICIENCY_TYPES.lookup(deficiency.value);
    // A deficiency completed is a signed document; an open one says what the document lacks.
    if (said !== 'signed' && need) {
      if (need === 'missing') return 'missing';
      said = need as SignatureStatus;
    }
  }
  if (!said && signedAt && !signedIso) said = SIGNATURE_STATUSES.lookup(signedAt.value) as SignatureStatus | undefined ?? (/^(y|yes|✓|x)$/i.test(signedAt.value) ? 'signed' : /^(n|no)$/i.test(signedAt.value) ? 'unsigned' : undefined);
  if (!said && signedIso) said = 'signed';
  const signature: Signature = { status: said ?? 'unknown' };
  const line = status ?? deficiency ?? signedAt;
  if (line) signature.line = line;
  if (signedIso && signedAt && (signature.status === 'signed' || signature.status === 'needs-cosignature')) signature.signedAt = withDate(signedAt);
  // "Signed 04/06/2026 14:10" in the status cell itself.
  if (!signature.signedAt && status && signature.status === 'signed') {
    const parsed = parseSignatureLine(status.value, status.source);
    if (parsed?.signedAt) signature.signedAt = parsed.signedAt;
    else if (parseClinicalDate(status.value)) signature.signedAt = withDate(status);
  }
  if (cosigner && signature.status === 'signed' && text('cosignedAt')) signature.cosigner = personFrom(cosigner.value, cosigner.source);
  // A row says the status; unless it gives the signing time too, the signature itself is not shown.
  if (signature.status !== 'unknown' && !(signature.signedAt?.iso && signature.signedAt.iso.length > 10)) signature.statusOnly = true;
  return signature;
}

const LIST_ITEM = byTagOrRole(['li'], ['treeitem', 'option', 'listitem']);
const NOT_CONTENT = byTagOrRole(['nav', 'button'], ['navigation', 'menu', 'menubar', 'tablist']);
/** Where a leaf's date starts: "05/12/2026", "12-May-2026", "2026-05-12". */
const LEAF_DATE = /\s\(?(?:\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|\d{1,2}[- ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[- ]\d{2,4})/i;
/** The status words of a tree leaf: its end, or in brackets. */
const LEAF = /^(.*?)(?:\s*[-–—|·:,]\s*|\s+)(\(?\s*\d{1,4}[/-]\d{1,2}[/-]\d{1,4}[^()]*\)?|\d{1,2}[- ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[- ]\d{2,4}.*)?\s*(?:[-–—|·:,]\s*)?\(?([A-Za-z][A-Za-z ()/-]{1,40}?)?\)?\s*$/i;

/** " - Vanterpool MD, Gideon", " - Maki PT, DPT, Joanna": the author at a leaf's end. */
const LEAF_BYLINE = /\s[-–—]\s+([A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'./-]*)*(?:,\s*[A-Z][A-Za-z'./-]*(?:\s[A-Z][A-Za-z.]*)?){1,3})\s*$/;

/** A documents-tree leaf: a list item naming a document kind, with a date or a status. */
function treeLeaf(line: Line): ChartDocument | undefined {
  if (line.text.length > 140) return undefined;
  const item = closestWhere(line.el, LIST_ITEM, 6);
  if (!item || closestWhere(line.el, NOT_CONTENT)) return undefined;
  if (!isDocumentTitle(line.text.replace(/\s*[-–—|·(].*$/, '').replace(/\s+\d.*$/, '')) && !isDocumentTitle(line.text.slice(0, 80))) return undefined;
  const iso = parseClinicalDate(line.text);
  // "History and Physical 05/12/2026 01:35 CDT Auth (Verified) - Vanterpool MD, Gideon": the
  // title ends where the date starts; after the status, a " - " names the author.
  const dateAt = line.text.search(LEAF_DATE);
  const byline = dateAt > 0 ? LEAF_BYLINE.exec(line.text.slice(dateAt)) : null;
  // The status is between the date and the byline ("… 13:00 CDT Unauth - Maki PT, DPT, Joanna"), or after a separator.
  const statusText = dateAt > 0 ? line.text.slice(dateAt, byline ? dateAt + byline.index : undefined) : line.text.replace(/^[^-–—|·(]*/, '');
  const status = (SIGNATURE_STATUSES.lookup(statusText) ?? SIGNATURE_STATUSES.lookup(line.text.replace(/^[^-–—|·(]*/, ''))) as SignatureStatus | undefined;
  if (!iso && !status) return undefined;
  const m = LEAF.exec(line.text);
  const title = (dateAt > 0 ? line.text.slice(0, dateAt) : m?.[1] ?? line.text).replace(/[\s\-–—|·:,]+$/, '').trim();
  if (!title || !isDocumentTitle(title) || title.length > 80) return undefined;
  const source = refOf(line.el, line.ctx, line.text);
  const signature: Signature = { status: status ?? 'unknown' };
  if (status) {
    signature.line = { value: line.text, source };
    signature.statusOnly = true;
  }
  const doc: ChartDocument = {
    id: line.el.getAttribute('id') || item.getAttribute('id') || `leaf-${title.replace(/\W+/g, '-').toLowerCase()}`,
    kind: kindFromTitle(title),
    title: { value: title, source },
    signature,
    identifiers: {},
    sections: [],
    source,
  };
  if (iso) doc.createdAt = { value: line.text, iso, source };
  if (byline) doc.author = personFrom(byline[1]!, source);
  return doc;
}

/** Each element's position among the scan's lines (its first line), for page order. */
function rankByElement(scan: PageScan): (el: Element) => number {
  const firstLine = new Map<Element, number>();
  scan.lines.forEach((line, i) => {
    for (let el: Element | null = line.el, up = 0; el && up < 6; el = el.parentElement, up++) if (!firstLine.has(el)) firstLine.set(el, i);
  });
  return (el) => firstLine.get(el) ?? -1;
}

/**
 * A listed document and the same document shown in full (a reader pane, a tree's right pane)
 * become one. They are the same when enough agrees: the title (or the row's title printed at
 * the top of the full text), the day, the author. The full one keeps its text; an unknown
 * status, author or time is filled in from the row.
 */
export function mergeListed<T extends { doc: ChartDocument; rank: number }>(listed: T[], shown: T[]): T[] {
  const used = new Set<T>();
  for (const full of shown) {
    const head = titleKey(`${full.doc.title.value} ${full.doc.sections[0]?.text.slice(0, 300) ?? ''}`);
    const score = (row: ChartDocument) => {
      const rowTitle = titleKey(row.title.value);
      let n = 0;
      if (rowTitle === titleKey(full.doc.title.value)) n += 3;
      else if (rowTitle.length >= 6 && head.includes(rowTitle)) n += 3;
      else if (kindFromTitle(row.title.value) === full.doc.kind && full.doc.kind !== 'other') n += 1;
      const day = dayOf(full.doc);
      if (day && dayOf(row) === day) n += 2;
      else if (day && dayOf(row)) n -= 2;
      const author = authorKey(full.doc);
      if (author && authorKey(row) && shareName(author, authorKey(row)!)) n += 2;
      return n;
    };
    let best: T | undefined;
    let bestScore = 3;
    for (const row of listed) {
      if (used.has(row)) continue;
      const n = score(row.doc);
      if (n > bestScore || (n === bestScore && !best && n >= 4)) {
        best = row;
        bestScore = n;
      }
    }
    if (!best) continue;
    used.add(best);
    // The note stands where the page lists it first (its row), not where its pane happens to sit.
    full.rank = Math.min(full.rank, best.rank);
    const row = best.doc;
    const doc = full.doc;
    if (doc.signature.status === 'unknown' && row.signature.status !== 'unknown') doc.signature = { ...row.signature, ...withoutUndefined(doc.signature), status: row.signature.status };
    doc.signature.signedAt ??= row.signature.signedAt;
    doc.author ??= row.author;
    doc.createdAt ??= row.createdAt;
    // The row's title is the one the EHR lists (the pane may show only the note type).
    if (titleKey(row.title.value).length > titleKey(doc.title.value).length && head.includes(titleKey(row.title.value))) doc.title = row.title;
    if (doc.kind === 'other') doc.kind = row.kind;
  }
  return [...shown, ...listed.filter((l) => !used.has(l))];
}

function shareName(a: string, b: string): boolean {
  const words = new Set(b.split(' '));
  return a.split(' ').some((w) => words.has(w));
}

function withoutUndefined(signature: Signature): Partial<Signature> {
  return Object.fromEntries(Object.entries(signature).filter(([k, v]) => v !== undefined && k !== 'status'));
}

function titleKey(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9&]+/g, ' ').trim();
}

function dayOf(doc: ChartDocument): string | undefined {
  return (doc.createdAt?.iso ?? doc.signature.signedAt?.iso)?.slice(0, 10);
}

function authorKey(doc: ChartDocument): string | undefined {
  const name = doc.author?.name.value ?? doc.signature.signer?.name.value;
  return name?.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2).sort().join(' ') || undefined;
}
