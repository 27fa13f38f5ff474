import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import type { CodedItem, Field, Order, OrderKind, Signature } from '../snapshot.ts';
import { ORDER_COLUMNS, ORDER_KINDS, SIGNATURE_STATUSES } from '../vocabulary.ts';
import { columnsOf, gridOf, type Grid } from './table-grid.ts';
import { linesUnder, type Line } from './page-scan.ts';
import { pairsFromText } from './label-value.ts';
import type { ListLike, PageScan } from './page-scan.ts';
import { parseSignatureLine, personFrom } from './signature-line.ts';
import { refOf, valueOrText } from './source-ref.ts';
import { textOf } from './text.ts';

/**
 * Orders from tables whose header names an order column, and problems/diagnoses from lists or
 * tables under a "Problem list" / "Diagnoses" heading, as any EHR might lay them out.
 */

/** Headers or a caption that say a table lists orders or medications. */
const ORDER_TABLE = /\b(orders?|medications?|meds|rx|prescriptions?|mar)\b/i;

/**
 * A grid of orders: a column for the order itself, and headers or a caption that say orders or
 * medications, or authentication columns beside an orderer or an order type. A "Description"
 * column alone is not enough: a document index has one too.
 */
export function isOrderGrid(grid: Grid, caption: string): boolean {
  const cols = columnsOf(grid, ORDER_COLUMNS);
  const saysOrders = grid.header.some((h) => ORDER_TABLE.test(h)) || ORDER_TABLE.test(caption);
  const authColumns = cols.has('authBy') || cols.has('authAt') || cols.has('auth') || cols.has('readBack');
  return cols.has('text') && (saysOrders || (authColumns && (cols.has('kind') || cols.has('by'))));
}

export function findOrders(scan: PageScan): Order[] {
  const orders: Order[] = [];
  for (const table of scan.tables) {
    const grid = gridOf(table.el);
    if (!grid || !isOrderGrid(grid, `${scan.headings[table.heading]?.text ?? ''} ${textOf(table.el.querySelector('caption'))}`)) continue;
    const cols = columnsOf(grid, ORDER_COLUMNS);
    const authColumns = cols.has('authBy') || cols.has('authAt') || cols.has('auth') || cols.has('readBack');
    const legend = legendOf(scan, table);
    for (const row of grid.rows) {
      const cell = (name: string) => {
        const i = cols.get(name);
        return i === undefined ? undefined : row.cells[i];
      };
      const textCell = cell('text');
      if (!textCell || !textOf(textCell)) continue;
      const source = refOf(row.el, table.ctx, row.cells.map((c) => textOf(c)).join(' | '));
      const kindText = cell('kind') ? `${textOf(cell('kind'))} ${legend.get(textOf(cell('kind')).toUpperCase()) ?? ''}` : textOf(textCell);
      // A MAR or order-review cell that lists the order's details as "Label: value" lines
      // ("Communication Type: Phone Read Back", "Cosign: Not Cosigned").
      const details = detailPairs(scan, textCell);
      const detail = (means: string) => details.find((d) => ORDER_COLUMNS.lookup(d.label) === means)?.value;
      const stated = (ORDER_KINDS.lookup(kindText) ?? (detail('kind') ? ORDER_KINDS.lookup(detail('kind')!) : undefined)) as OrderKind | undefined;
      const order: Order = {
        id: row.el.getAttribute('id') || `order-${orders.length + 1}`,
        // An order the practitioner entered (the table names no verbal/telephone mode and no
        // authentication step) is a CPOE order, signed as it is entered.
        kind: stated ?? (!authColumns && cell('by') && textOf(cell('by')) ? 'electronic' : 'unknown'),
        text: fieldOf(textCell, table),
        signature: !stated && !authColumns && cell('by') && textOf(cell('by'))
          ? { status: 'signed', signer: personFrom(textOf(cell('by')), refOf(cell('by')!, table.ctx, textOf(cell('by')))), statusOnly: true }
          : orderSignature(cell, table, authColumns),
        source,
      };
      if (details.length > 0) {
        const lines = linesUnder(scan, textCell);
        const head = lines.filter((l) => !details.some((d) => d.line === l)).slice(0, 2).map((l) => l.text).join(' ');
        if (head) order.text = { value: head, source: refOf(textCell, table.ctx, head) };
        const auth = detail('authBy') ?? detail('auth') ?? detail('authAt');
        if (order.signature.status === 'unknown' && auth) {
          const ref = refOf(textCell, table.ctx, auth);
          const parsed = parseSignatureLine(auth, ref);
          const said = SIGNATURE_STATUSES.lookup(auth) as Signature['status'] | undefined;
          order.signature = parsed ?? (said ? { status: said, line: { value: auth, source: ref } } : { status: 'unknown' });
          const at = parseClinicalDate(auth);
          if (order.signature.status === 'signed' && at && !order.signature.signedAt) order.signature.signedAt = { value: auth, iso: at, source: ref };
        }
        const by = detail('by');
        if (by && !order.orderedBy) order.orderedBy = personFrom(by, refOf(textCell, table.ctx, by));
        // "Order Received by: Nair, Sandeep RN 10/03/26 23:15": when the order was given.
        const given = [detail('at'), detail('receivedBy')].find((v) => v !== undefined && parseClinicalDate(v) !== undefined);
        if (given && !order.orderedAt) order.orderedAt = { value: given, iso: parseClinicalDate(given)!, source: refOf(textCell, table.ctx, given) };
      }
      const at = cell('at');
      if (at && parseClinicalDate(textOf(at))) order.orderedAt = withDate(fieldOf(at, table));
      const by = cell('by');
      // "Jane Roe, MD (received by J. Park, RN)": the orderer is outside the brackets.
      if (by && textOf(by)) order.orderedBy = personFrom(textOf(by).replace(/\s*\(.*\)\s*$/, ''), refOf(by, table.ctx, textOf(by)));
      orders.push(order);
    }
  }
  return orders;
}

/** "Label: value" lines inside one cell, each with its line. */
function detailPairs(scan: PageScan, cell: Element): { label: string; value: string; line: Line }[] {
  const lines = linesUnder(scan, cell);
  if (lines.length < 2) return [];
  return lines.flatMap((line) => pairsFromText(line.text, line.el).filter((p) => p.value && ORDER_COLUMNS.lookup(p.label)).map((p) => ({ label: p.label, value: p.value, line })));
}

/**
 * A page's legend for a table's short codes ("SRC: E=ELECTRONIC  V=VERBAL  T=TELEPHONE"): the
 * lines after the table (or before it) holding two or more CODE=Meaning pairs.
 */
function legendOf(scan: PageScan, table: ListLike): Map<string, string> {
  const legend = new Map<string, string>();
  const inside = new Set(linesUnder(scan, table.el));
  const at = scan.lines.findIndex((l) => inside.has(l));
  const after = at < 0 ? -1 : scan.lines.findIndex((l, i) => i > at && !inside.has(l));
  const near = [...(after >= 0 ? scan.lines.slice(after, after + 4) : []), ...(at > 0 ? scan.lines.slice(Math.max(0, at - 3), at) : [])];
  for (const line of near) {
    const pairs = [...line.text.matchAll(/\b([A-Z]{1,4})\s*=\s*([A-Za-z][A-Za-z /()-]*?)(?=\s{2,}|\s+[A-Z]{1,4}\s*=|\s*[|;,]|$)/g)];
    if (pairs.length < 2) continue;
    for (const p of pairs) if (!legend.has(p[1]!)) legend.set(p[1]!, p[2]!.trim());
  }
  return legend;
}

/**
 * An order's authentication from its row: the "Authenticated By" and "Auth Date/Time" cells,
 * or a sign-status cell. A table that has authentication columns and leaves them empty says
 * the order is not authenticated; a table without them says nothing.
 */
function orderSignature(cell: (name: string) => Element | undefined, table: ListLike, authColumns: boolean): Signature {
  const by = cell('authBy');
  const at = cell('authAt');
  const status = cell('auth');
  // "— (Sent 12/02/2026 16:10)": nothing signed, only a note that it went out for signature.
  const byText = textOf(by).replace(SENT_FOR_SIGNATURE, '').replace(/^[-–—\s]+$/, '');
  if (by && !byText && textOf(by)) return { status: 'unsigned', line: { value: textOf(by), source: refOf(by, table.ctx, textOf(by)) } };
  const atText = textOf(at).replace(/^[-–—\s]+$/, '');
  const statusText = textOf(status);
  const stated = statusText ? (SIGNATURE_STATUSES.lookup(statusText) as Signature['status'] | undefined) : undefined;
  const byStated = byText ? SIGNATURE_STATUSES.lookup(byText) : undefined;
  if (byText && byStated !== undefined && byStated !== 'signed' && !/\d{1,2}[/-]\d{1,2}/.test(byText)) {
    return { status: byStated === 'pended' ? 'unsigned' : (byStated as Signature['status']), line: { value: byText, source: refOf(by!, table.ctx, byText) } };
  }
  if (byText && !/^(pending|none|n\/a|not authenticated|unsigned|awaiting.*)$/i.test(byText)) {
    const parsed = parseSignatureLine(byText, refOf(by!, table.ctx, byText));
    // "10/03/26 2142 Brandt", "Signed Sep 14, 2026 3:33 AM": the cell holds when, and maybe who.
    const inCell = parsed?.signedAt ? undefined : parseClinicalDate(byText);
    const who = inCell ? nameBesideDate(byText) : byText;
    const signer = parsed?.signer ?? (who ? personFrom(who, refOf(by!, table.ctx, byText)) : undefined);
    const signature: Signature = parsed && parsed.status !== 'signed' ? parsed : { status: 'signed', ...(signer ? { signer } : {}), line: { value: byText, source: refOf(by!, table.ctx, byText) } };
    if (signature.status === 'signed') {
      const atIso = atText ? parseClinicalDate(atText) : undefined;
      if (atIso) signature.signedAt = { value: atText, iso: atIso, source: refOf(at!, table.ctx, atText) };
      else if (parsed?.signedAt) signature.signedAt = parsed.signedAt;
      else if (inCell) signature.signedAt = { value: byText, iso: inCell, source: refOf(by!, table.ctx, byText) };
    }
    return signature;
  }
  if (atText && parseClinicalDate(atText)) return { status: 'signed', signedAt: withDate({ value: atText, source: refOf(at!, table.ctx, atText) }), line: { value: atText, source: refOf(at!, table.ctx, atText) } };
  if (status && statusText) {
    const parsed = parseSignatureLine(statusText, refOf(status, table.ctx, statusText));
    if (parsed) return parsed;
    // In an authentication column, "Pending" is an order not yet authenticated, not a saved draft.
    if (stated) return { status: stated === 'pended' ? 'unsigned' : stated, line: { value: statusText, source: refOf(status, table.ctx, statusText) } };
  }
  if (byText || statusText) {
    const text = byText || statusText;
    const stated2 = SIGNATURE_STATUSES.lookup(text) as Signature['status'] | undefined;
    if (stated2) return { status: stated2 };
  }
  return authColumns && (by || at) ? { status: 'unsigned' } : { status: 'unknown' };
}

/** A remark that the order was sent, routed or faxed for signature: when it went, not a signing. */
const SENT_FOR_SIGNATURE = /\(?\s*\b(?:sent|routed|forwarded|faxed|mailed|queued)\b(?:\s+(?:to|for)\s+[a-z ]{2,30}?)?(?:\s+(?:on|at|via))?\s*\d{1,4}[/-]\d{1,2}[/-]\d{2,4}[^)]*\)?/i;

/** Dates, times and the words around them in an authentication cell: what is left is a name. */
const DATE_PARTS = /\b\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{4}\b|\b[ap]\.?m\.?\b|\b(?:e-?signed|signed|authenticated|auth|on|at|by|[A-Z]{2}T)\b|[@,:()]/gi;

function nameBesideDate(text: string): string | undefined {
  const rest = text.replace(DATE_PARTS, ' ').replace(/\s+/g, ' ').trim();
  return /[A-Za-z]{2}/.test(rest) ? rest : undefined;
}

const PROBLEM_HEADING = /\b(problems?|diagnos[ie]s|assessment)\b/i;
/** ICD-10-CM shape: letter, two digits/letters, optional dot and up to four more. */
const ICD10CM = /\b([A-TV-Z]\d[0-9AB](?:\.[0-9A-TV-Z]{1,4})?)\b/;
const STATUS = /\b(active|inactive|resolved|chronic|historical)\s*$/i;

export function findProblems(scan: PageScan): CodedItem[] {
  const items: CodedItem[] = [];
  const under = (found: ListLike) => PROBLEM_HEADING.test(scan.headings[found.heading]?.text ?? '');
  for (const list of [...scan.lists.filter(under), ...scan.tables.filter(under)]) {
    for (const item of list.el.querySelectorAll(':scope > li, :scope > tbody > tr, :scope > tr')) {
      if (item.querySelector('th')) continue;
      const whole = item.localName === 'tr' ? [...item.children].map((c) => textOf(c)).join(' ').trim() : textOf(item);
      if (!whole) continue;
      const code = ICD10CM.exec(whole)?.[1];
      const status = STATUS.exec(whole)?.[1];
      const text = whole.replace(code ?? '\u0000', ' ').replace(STATUS, '').replace(/\s+/g, ' ').trim();
      const problem: CodedItem = {
        id: item.getAttribute('id') || `problem-${items.length + 1}`,
        text: { value: text, source: refOf(item, list.ctx, whole) },
        role: 'problem',
        source: refOf(item, list.ctx, whole),
      };
      if (code) problem.code = { system: 'ICD-10-CM', code };
      if (status) problem.status = status.toLowerCase();
      items.push(problem);
    }
  }
  return items;
}

function fieldOf(el: Element, found: ListLike): Field {
  const value = valueOrText(el);
  return { value, source: refOf(el, found.ctx, value) };
}
