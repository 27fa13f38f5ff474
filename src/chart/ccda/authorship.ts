import type { Field, Person, Signature, SignatureStatus } from '../snapshot.ts';
import { foldSpace } from '../dom/text.ts';
import { readPerson } from './names.ts';
import { timeField } from './time.ts';
import { at, attr, kid, kids } from './xml.ts';

/** ParticipationSignature codes: S signed, I intended (not yet signed), X required (missing). */
const SIGNATURE_CODES: Record<string, SignatureStatus> = { S: 'signed', I: 'pended', X: 'unsigned' };

export interface Authorship {
  author?: Person;
  authoredAt?: Field;
  signature: Signature;
}

/**
 * Who wrote and who signed the document. The author is the first header author that is a
 * person (devices also author C-CDA documents); the signature is the legalAuthenticator
 * (signatureCode S with its time); the first authenticator is reported as co-signer.
 */
export function readAuthorship(doc: Element, warnings: string[]): Authorship {
  const result: Authorship = { signature: { status: 'unsigned' } };
  const authors = kids(doc, 'author');
  const personAuthor = authors.find((a) => readPerson(kid(a, 'assignedAuthor')));
  if (personAuthor) {
    const person = readPerson(kid(personAuthor, 'assignedAuthor'), kid(personAuthor, 'functionCode'));
    if (person) result.author = person;
    const time = timeField(kid(personAuthor, 'time'));
    if (time) result.authoredAt = time;
    else warnings.push('The author has no time (author/time).');
  } else if (authors.length > 0) {
    const device = foldSpace(at(authors[0], 'assignedAuthor', 'assignedAuthoringDevice', 'softwareName')?.textContent ?? '');
    warnings.push(`No author of this document is a person${device ? ` (authored by the system "${device}")` : ''}.`);
  } else {
    warnings.push('The document has no author.');
  }

  const legal = kid(doc, 'legalAuthenticator');
  if (legal) {
    const code = attr(kid(legal, 'signatureCode'), 'code');
    result.signature.status = (code && SIGNATURE_CODES[code]) || 'unknown';
    const signer = readPerson(kid(legal, 'assignedEntity'));
    if (signer) result.signature.signer = signer;
    else warnings.push('The legal authenticator has no person name.');
    const signedAt = timeField(kid(legal, 'time'));
    if (signedAt) result.signature.signedAt = signedAt;
    else warnings.push('The legal authenticator has no signature time (legalAuthenticator/time).');
  }
  const authenticator = kids(doc, 'authenticator')[0];
  if (authenticator) {
    const cosigner = readPerson(kid(authenticator, 'assignedEntity'));
    if (cosigner) result.signature.cosigner = cosigner;
    const cosignedAt = timeField(kid(authenticator, 'time'));
    if (cosignedAt) result.signature.cosignedAt = cosignedAt;
  }
  return result;
}
