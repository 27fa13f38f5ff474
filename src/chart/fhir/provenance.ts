import { parseClinicalDate } from '../dates.ts';
import type { Person, Field } from '../snapshot.ts';
import { arr, fieldAt, obj, step } from './json.ts';
import { personAt } from './people.ts';
import type { ResourceIndex } from './resources.ts';

/** A signature found in a Provenance resource. */
export interface ProvenanceSignature {
  signer?: Person;
  signedAt?: Field;
}

/**
 * Provenance.signature entries, by the pointer of each target they sign: how FHIR records
 * that an author authenticated a note or an order after the fact.
 */
export function provenanceSignatures(index: ResourceIndex): Map<string, ProvenanceSignature> {
  const signatures = new Map<string, ProvenanceSignature>();
  for (const { resource, pointer } of index.ofType('Provenance')) {
    const first = obj(arr(resource.signature)[0]);
    if (!first) continue;
    const sigPointer = step(step(pointer, 'signature'), 0);
    const signature: ProvenanceSignature = {};
    const signer = personAt(first.who, step(sigPointer, 'who'), index);
    if (signer) signature.signer = signer;
    const when = fieldAt(first, 'when', sigPointer, parseClinicalDate);
    if (when) signature.signedAt = when;
    for (const target of arr(resource.target)) {
      const located = index.resolve(target);
      if (located) signatures.set(located.pointer, signature);
    }
  }
  return signatures;
}
