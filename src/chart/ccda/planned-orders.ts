import type { Order } from '../snapshot.ts';
import { entryText } from './entry-text.ts';
import type { NarrativeIndex } from './narrative.ts';
import { readPerson } from './names.ts';
import { timeField } from './time.ts';
import { at, attr, hasTemplate, kid, xmlRef } from './xml.ts';

/** Planned Act, Encounter, Procedure, Medication, Supply, Observation (Plan of Treatment). */
const PLANNED_TEMPLATES = ['4.39', '4.40', '4.41', '4.42', '4.43', '4.44'].map((t) => `2.16.840.1.113883.10.20.22.${t}`);
/** Moods of something asked for or intended, not yet done. */
const ORDER_MOODS = new Set(['RQO', 'INT', 'ARQ', 'PRMS', 'PRP', 'APT']);

/**
 * Planned entries in a requested or intended mood as orders. A C-CDA does not say how an
 * order was given (verbal, written, CPOE) nor whether it was authenticated, so kind and
 * signature stay 'unknown'; its author and time are the orderer and order time.
 */
export function readPlannedOrders(entries: Element[], narrative: NarrativeIndex): Order[] {
  const orders: Order[] = [];
  for (const entry of entries) {
    if (!PLANNED_TEMPLATES.some((t) => hasTemplate(entry, t))) continue;
    if (!ORDER_MOODS.has(attr(entry, 'moodCode') ?? '')) continue;
    const codeEl = entry.localName === 'substanceAdministration'
      ? at(entry, 'consumable', 'manufacturedProduct', 'manufacturedMaterial', 'code')
      : kid(entry, 'code');
    const text = entryText(entry, codeEl, narrative);
    if (!text) continue;
    const order: Order = {
      id: `ccda-order-${orders.length + 1}`,
      kind: 'unknown',
      text,
      signature: { status: 'unknown' },
      source: xmlRef(entry, text.value),
    };
    const author = kid(entry, 'author');
    const orderedAt = timeField(kid(author, 'time'));
    if (orderedAt) order.orderedAt = orderedAt;
    const orderedBy = readPerson(kid(author, 'assignedAuthor'));
    if (orderedBy) order.orderedBy = orderedBy;
    orders.push(order);
  }
  return orders;
}
