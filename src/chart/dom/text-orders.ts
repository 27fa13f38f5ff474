import { parseClinicalDate } from '../dates.ts';
import type { Order, OrderKind, Signature } from '../snapshot.ts';
import { ORDER_KINDS, SIGNATURE_STATUSES } from '../vocabulary.ts';
import { splitSegments } from './label-value.ts';
import { byTagOrRole, closestWhere, linesUnder, type Line, type PageScan } from './page-scan.ts';
import { parseSignatureLine, personFrom } from './signature-line.ts';
import { refOf } from './source-ref.ts';
import { smallTextOf } from './text.ts';

const TABLE_ROW = byTagOrRole(['tr'], ['row']);

/**
 * Orders written rather than tabled: a card in an orders list ("morphine 2 mg IV push once",
 * "Verbal order · Ordered by …", a "Needs signature" chip), and an order written into a note
 * ("T.O. Dr. Oyelaran / J. Pruitt RN: Start duloxetine 30 mg …", then "Provider sign-off:
 * PENDING"). Kind and authentication come from the vocabularies.
 */

/** A line that gives an order in a note: its kind's abbreviation or name, then the order. */
const WRITTEN_ORDER = /^\W{0,3}((?:V\.?O\.?|T\.?O\.?|VORB|TORB|V\/O|T\/O)\b|(?:verbal|telephone|phone)\s+order\b)([^:]{0,60}):\s*(.{4,300})$/i;
/** Lines after it that say whether it was authenticated. */
const SIGN_OFF = /\b(sign-?off|authenticat\w*|co-?sign\w*|countersign\w*|provider signature|signed by)\b/i;
const LIST_ITEM = byTagOrRole(['li'], ['listitem']);
const ORDERS_CONTEXT = /\b(orders?|medications?|meds|prescriptions?|mar)\b/i;

export function findTextOrders(scan: PageScan, isTableLine: (line: Line) => boolean): Order[] {
  const orders: Order[] = [];
  const items = new Set<Element>();
  scan.lines.forEach((line, i) => {
    const written = WRITTEN_ORDER.exec(line.text);
    if (written && isTableLine(line)) {
      // A worklist row naming an order ("VO: haloperidol 5 mg IM … read back"): its row's other cells say its state.
      const row = closestWhere(line.el, TABLE_ROW, 4);
      const cells = row ? [...row.children].map((c) => smallTextOf(c) ?? '').filter((t) => t && t.length <= 40 && !line.text.includes(t)) : [];
      const order = writtenOrder(line, written, [], orders.length + 1);
      const said = cells.map((t) => SIGNATURE_STATUSES.lookup(t)).find((x) => x !== undefined) as Signature['status'] | undefined;
      if (order.signature.status === 'unknown' && said) order.signature = { status: said, line: { value: cells.join(' · '), source: order.source }, statusOnly: true };
      orders.push(order);
      return;
    }
    if (isTableLine(line)) return;
    if (written) {
      orders.push(writtenOrder(line, written, scan.lines.slice(i + 1, i + 8), orders.length + 1));
      return;
    }
    const item = orderItem(line, scan);
    if (item && !items.has(item)) {
      items.add(item);
      const order = listedOrder(item, scan, orders.length + 1);
      if (order) orders.push(order);
    }
  });
  return orders;
}

function writtenOrder(line: Line, m: RegExpExecArray, after: Line[], n: number): Order {
  const source = refOf(line.el, line.ctx, line.text);
  const kind = (ORDER_KINDS.lookup(m[1]!) as OrderKind | undefined) ?? 'unknown';
  const order: Order = { id: `written-order-${n}`, kind, text: { value: m[3]!.trim(), source }, signature: { status: 'unknown' }, source };
  const by = /\b(?:dr\.?\s+)?([A-Z][A-Za-z'-]+(?:,?\s+[A-Z][A-Za-z.'-]*)*)/.exec(m[2] ?? '');
  if (by) order.orderedBy = personFrom(by[0].trim(), source);
  // "VO: haloperidol 5 mg IM … rec'd 09/08/2026 22:15 by Tiller, RN": when the order was given.
  const given = GIVEN_AT.exec(m[3]!);
  const givenAt = given ? parseClinicalDate(given[1]!) : undefined;
  if (given && givenAt) order.orderedAt = { value: given[1]!.trim(), iso: givenAt, source };
  const own = parseSignatureLine(line.text, source);
  const signOff = own?.status === 'signed' && own.signer ? undefined : after.find((l) => SIGN_OFF.test(l.text));
  order.signature = own?.status === 'signed' && own.signer ? own : signOff ? signatureOf(signOff) : { status: 'unknown' };
  return order;
}

/** A date after the words that say when an order was received or given. */
const GIVEN_AT = /\b(?:rec'?d|rcvd|received|taken|given|called in|phoned)\b(?:\s+(?:on|at))?\s+(\d{1,4}[/-]\d{1,2}[/-]\d{2,4}(?:[\s@]+\d{1,2}:?\d{2})?)/i;

/** "Provider sign-off: PENDING — awaiting provider signature", "Authenticated by X 09/20/2026 09:12". */
function signatureOf(line: Line): Signature {
  const source = refOf(line.el, line.ctx, line.text);
  const parsed = parseSignatureLine(line.text, source);
  if (parsed && parsed.status !== 'unknown') return parsed;
  const said = SIGNATURE_STATUSES.lookup(line.text.replace(SIGN_OFF, ' ')) as Signature['status'] | undefined;
  return said ? { status: said, line: { value: line.text, source } } : { status: 'unknown' };
}

/** The list item a line belongs to, when the list is one of orders. */
function orderItem(line: Line, scan: PageScan): Element | undefined {
  const item = closestWhere(line.el, LIST_ITEM, 6);
  if (!item) return undefined;
  const list = item.parentElement;
  if (!list) return undefined;
  const context = `${list.getAttribute('aria-label') ?? ''} ${item.getAttribute('aria-label') ?? ''} ${smallText(list.previousElementSibling)} ${scan.headings[line.heading]?.text ?? ''}`;
  if (!ORDERS_CONTEXT.test(context)) return undefined;
  return item;
}

/** A card of an orders list: its first line is the order, the rest say how and who. */
function listedOrder(item: Element, scan: PageScan, n: number): Order | undefined {
  const lines = linesUnder(scan, item);
  const first = lines[0];
  if (!first) return undefined;
  const parts = [...first.el.children].map((c) => smallText(c)).filter(Boolean);
  const chip = parts.length >= 2 ? parts[parts.length - 1]! : undefined;
  const text = chip && SIGNATURE_STATUSES.lookup(chip) ? parts.slice(0, -1).join(' ') : first.text;
  if (!/[a-z]{3}/i.test(text) || text.length > 200) return undefined;
  const all = lines.map((l) => l.text).join(' · ');
  const source = refOf(item, first.ctx, all);
  const kind = (ORDER_KINDS.lookup(`${item.getAttribute('aria-label') ?? ''} ${all}`) as OrderKind | undefined) ?? 'unknown';
  const order: Order = { id: item.getAttribute('id') || `listed-order-${n}`, kind, text: { value: text, source: refOf(first.el, first.ctx, text) }, signature: { status: 'unknown' }, source };
  for (const segment of lines.flatMap((l) => splitSegments(l.text))) {
    const by = /^ordered by:?\s+(.+?)(?:\s*\((?:cpoe|electronic)\))?$/i.exec(segment);
    if (by && !order.orderedBy) order.orderedBy = personFrom(by[1]!, source);
    const signed = parseSignatureLine(segment, source);
    if (signed?.status === 'signed' && signed.signer) order.signature = signed;
    if (!order.orderedAt && segment.length <= 40 && parseClinicalDate(segment)) order.orderedAt = { value: segment, iso: parseClinicalDate(segment)!, source };
  }
  if (order.signature.status === 'unknown' && chip) {
    const said = SIGNATURE_STATUSES.lookup(chip) as Signature['status'] | undefined;
    if (said) order.signature = { status: said, line: { value: chip, source }, statusOnly: true };
  }
  return order;
}

/** An element's text when it is small (a label, a chip); a block holding more gives nothing. */
function smallText(el: Element | null): string {
  return smallTextOf(el)?.slice(0, 120) ?? '';
}
