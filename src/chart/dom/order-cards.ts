import { parseClinicalDate } from '../dates.ts';
import type { Order, OrderKind, Signature } from '../snapshot.ts';
import { ORDER_COLUMNS, ORDER_KINDS, SIGNATURE_STATUSES } from '../vocabulary.ts';
import { pairsFromDl, pairsFromText } from './label-value.ts';
import { linesUnder, type Found, type PageScan } from './page-scan.ts';
import { parseSignatureLine, personFrom } from './signature-line.ts';
import { refOf } from './source-ref.ts';
import { smallTextOf, textOf } from './text.ts';

/**
 * Orders shown as cards (a mobile or worklist view): a container whose label/value pairs name
 * the order's mode and its orderer or signature ("Order mode · Verbal with readback",
 * "Ordering provider · …", "Provider signature · Needs signature"). Its first line is the order.
 * The labels are the order-column vocabulary's, so a card is read like a row of an order table.
 */
const ORDER_WORDS = /\b(?:order|mode|source|type|method|communication)\b/i;

export function findOrderCards(scan: PageScan, containers: readonly Found[]): { orders: Order[]; cards: Set<Element> } {
  const orders: Order[] = [];
  const cards = new Set<Element>();
  for (const container of containers.slice(0, 500)) {
    const lines = linesUnder(scan, container.el);
    const first = lines[0];
    // A card is short, and names how the order was given somewhere in it.
    if (!first || lines.length > 40 || !lines.some((l) => ORDER_WORDS.test(l.text))) continue;
    const pairs = cardPairs(container.el, lines.map((l) => l.text));
    const value = (means: string) => pairs.find((p) => ORDER_COLUMNS.lookup(p.label) === means)?.value;
    const kindText = value('kind');
    const kind = kindText ? (ORDER_KINDS.lookup(kindText) as OrderKind | undefined) : undefined;
    const auth = value('authBy') ?? value('auth');
    if (!kind || !(value('by') || auth)) continue;
    cards.add(container.el);
    const source = refOf(container.el, container.ctx, first.text);
    const order: Order = { id: container.el.getAttribute('id') || `order-card-${orders.length + 1}`, kind, text: { value: first.text, source: refOf(first.el, first.ctx, first.text) }, signature: signatureOf(auth, source), source };
    const by = value('by');
    if (by) order.orderedBy = personFrom(by, source);
    // The time: its own label, else the card's summary line ("40 mg, IV, ONCE, Dec 2, 2026 1:15 AM").
    const when = [value('at'), lines[1]?.text].find((t) => t !== undefined && t.length <= 120 && parseClinicalDate(t) !== undefined);
    if (when) order.orderedAt = { value: when, iso: parseClinicalDate(when)!, source };
    orders.push(order);
  }
  return { orders, cards };
}

/** "Needs signature", "Signed by Venkataraman, Priya, MD 12/2/2026 9:30 AM", "—". */
function signatureOf(text: string | undefined, source: Order['source']): Signature {
  const value = text?.replace(/^[-–—\s]+$/, '').trim();
  if (!value) return text === undefined ? { status: 'unknown' } : { status: 'unsigned' };
  const line = { value, source };
  const parsed = parseSignatureLine(value, source);
  if (parsed && parsed.status !== 'unknown') return parsed;
  const said = SIGNATURE_STATUSES.lookup(value) as Signature['status'] | undefined;
  if (said) return { status: said === 'pended' ? 'unsigned' : said, line, statusOnly: true };
  const at = parseClinicalDate(value);
  return at ? { status: 'signed', signedAt: { value, iso: at, source }, line } : { status: 'unknown' };
}

/** Label/value pairs of a card: `dl`s, "Label: value" lines, and strips of alternating label and value elements. */
function cardPairs(card: Element, lines: string[]): { label: string; value: string }[] {
  const pairs: { label: string; value: string }[] = [];
  for (const dl of card.querySelectorAll('dl')) pairs.push(...pairsFromDl(dl));
  for (const text of lines) pairs.push(...pairsFromText(text, card));
  for (const strip of card.querySelectorAll('div, p, span, li')) {
    const children = [...strip.children];
    if (children.length < 2 || children.length % 2 !== 0 || children.length > 40) continue;
    if (!children.every((c) => smallTextOf(c) !== undefined)) continue;
    for (let i = 0; i + 1 < children.length; i += 2) {
      const label = textOf(children[i]);
      if (label && label.length <= 40 && ORDER_COLUMNS.lookup(label)) pairs.push({ label, value: textOf(children[i + 1]) });
    }
  }
  return pairs;
}
