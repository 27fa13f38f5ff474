import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import type { CodedItem, Field, Order, OrderKind } from '../snapshot.ts';
import type { ListLike, PageScan } from './page-scan.ts';
import { parseSignatureLine, personFrom } from './signature-line.ts';
import { refOf, valueOrText } from './source-ref.ts';
import { textOf } from './text.ts';

/**
 * Orders from tables whose header names an order column, and problems/diagnoses from lists or
 * tables under a "Problem list" / "Diagnoses" heading, as any EHR might lay them out.
 */

const COLUMNS: Record<string, RegExp> = {
  text: /^(order|orders|order details?|description|medication|test|procedure)$/i,
  kind: /^(type|kind|mode|source|order type|order mode)$/i,
  by: /^(ordered by|ordering (provider|physician|clinician)|provider|prescriber)$/i,
  at: /^(ordered|ordered at|order (date|time)|date|time|date\/time)$/i,
  auth: /^(authentication|authenticated|signature|signed|sign status|status)$/i,
};

const ORDER_KINDS: [RegExp, OrderKind][] = [
  [/\bverbal\b/i, 'verbal'],
  [/\bVO\b/, 'verbal'],
  [/\b(?:tele(?:phone)?|phone)\b/i, 'telephone'],
  [/\bTO\b/, 'telephone'],
  [/\bwritten\b/i, 'written'],
  [/\belectronic\b|\bCPOE\b/i, 'electronic'],
];

export function findOrders(scan: PageScan): Order[] {
  const orders: Order[] = [];
  for (const table of scan.tables) {
    const headerCells = [...table.el.querySelectorAll('thead th, tr:first-child > th')];
    const header = headerCells.map((th) => textOf(th));
    const column = (name: string) => header.findIndex((h) => COLUMNS[name]!.test(h));
    // Only tables that say they list orders: a "Description" column alone is not enough.
    if (column('text') < 0 || !header.some((h) => /\border/i.test(h))) continue;
    for (const row of table.el.querySelectorAll('tr')) {
      const cells = [...row.children].filter((c) => c.localName === 'td');
      if (cells.length === 0 || !cells[column('text')]) continue;
      const cell = (name: string) => cells[column(name)];
      const textCell = cell('text')!;
      const source = refOf(row, table.ctx, textOf(row));
      const order: Order = {
        id: row.getAttribute('id') || `order-${orders.length + 1}`,
        kind: ORDER_KINDS.find(([re]) => re.test(textOf(cell('kind'))))?.[1] ?? 'unknown',
        text: fieldOf(textCell, table),
        signature: cell('auth') ? (parseSignatureLine(textOf(cell('auth')), refOf(cell('auth')!, table.ctx, textOf(cell('auth')))) ?? { status: 'unknown' }) : { status: 'unknown' },
        source,
      };
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
