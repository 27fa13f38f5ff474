import { parseClinicalDate } from '../dates.ts';
import type { Order, OrderKind } from '../snapshot.ts';
import { conceptText } from './codings.ts';
import { arr, fieldAt, fieldOf, obj, step, str } from './json.ts';
import { personAt } from './people.ts';
import type { ProvenanceSignature } from './provenance.ts';
import type { Located, ResourceIndex } from './resources.ts';

/**
 * ServiceRequests and MedicationRequests as orders. FHIR R4 has no element for "verbal
 * order": the wording is looked for in the category, extensions and notes, where systems put
 * it. Signed when a Provenance signature targets the order; a draft, or a verbal or telephone
 * order without one, is unsigned (awaiting authentication); otherwise 'unknown'.
 */
export function readFhirOrders(requests: Located[], index: ResourceIndex, signatures: Map<string, ProvenanceSignature>): Order[] {
  return requests.flatMap(({ resource, pointer }, i): Order[] => {
    const medication = resource.resourceType === 'MedicationRequest';
    const concept = medication ? resource.medicationCodeableConcept : resource.code;
    const words = conceptText(concept) ?? str(obj(resource.medicationReference)?.display);
    if (!words) return [];
    const kind = orderKind(resource);
    const order: Order = {
      id: `fhir-order-${i + 1}`,
      kind,
      text: fieldOf(words, step(pointer, medication ? 'medicationCodeableConcept' : 'code')),
      signature: { status: 'unknown' },
      source: { pointer, text: words },
    };
    const orderedAt = fieldAt(resource, 'authoredOn', pointer, parseClinicalDate);
    if (orderedAt) order.orderedAt = orderedAt;
    const orderedBy = personAt(resource.requester, step(pointer, 'requester'), index);
    if (orderedBy) order.orderedBy = orderedBy;
    const signed = signatures.get(pointer);
    if (signed) {
      order.signature = { status: 'signed', ...(signed.signer && { signer: signed.signer }), ...(signed.signedAt && { signedAt: signed.signedAt }) };
    } else if (resource.status === 'draft' || kind === 'verbal' || kind === 'telephone') {
      order.signature = { status: 'unsigned' };
    }
    return [order];
  });
}

function orderKind(resource: Record<string, unknown>): OrderKind {
  const words = [
    ...arr(resource.category).map(conceptText),
    ...arr(resource.extension).map((e) => str(obj(e)?.valueString) ?? str(obj(e)?.valueCode) ?? conceptText(obj(e)?.valueCodeableConcept)),
    ...arr(resource.note).map((n) => str(obj(n)?.text)),
  ].join(' ').toLowerCase();
  if (/\bverbal\b/.test(words)) return 'verbal';
  if (/\b(telephone|phone)\b/.test(words)) return 'telephone';
  if (/\bwritten\b/.test(words)) return 'written';
  if (/\b(electronic|cpoe)\b/.test(words)) return 'electronic';
  return 'unknown';
}
