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
 * person (devices also author C-CDA documents). The signature is the legalAuthenticator's
 * (signatureCode S with its time), and an authenticator beside it is the co-signer. Without a
 * legalAuthenticator, an authenticator that signed (S) has authenticated the document: it is
 * reported as signed by that person, with a warning that no legal authenticator is named.
 */
export function readAuthorship(doc: Element, warnings: string[]): Authorship {
  const result: Authorship = { signature: { status: 'unsigned' } };
  readAuthor(doc, result, warnings);
  const legal = kid(doc, 'legalAuthenticator');
  const authenticators = kids(doc, 'authenticator');
  if (legal) {
    readSigner(legal, 'legal authenticator', result.signature, warnings);
    const cosigner = authenticators[0];
    if (cosigner) readCosigner(cosigner, result.signature);
    return result;
  }
  const authenticated = authenticators.find((a) => signatureCode(a) === 'S');
  if (authenticated) {
    readSigner(authenticated, 'authenticator', result.signature, warnings);
    const cosigner = authenticators.find((a) => a !== authenticated);
    if (cosigner) readCosigner(cosigner, result.signature);
    const who = result.signature.signer?.name.value;
    warnings.push(`No legal authenticator is named (legalAuthenticator): the document is authenticated${who ? ` by ${who}` : ''} (authenticator, signatureCode S), not legally signed.`);
  } else if (authenticators[0]) {
    // Intended or required, not yet given: the document is not signed, and says who is to sign.
    readCosigner(authenticators[0], result.signature);
  }
  return result;
}

function readAuthor(doc: Element, result: Authorship, warnings: string[]): void {
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
}

function signatureCode(participation: Element): string | undefined {
  return attr(kid(participation, 'signatureCode'), 'code');
}

/** The signature status, signer and time of a legalAuthenticator or authenticator. */
function readSigner(participation: Element, role: string, signature: Signature, warnings: string[]): void {
  const code = signatureCode(participation);
  signature.status = (code && SIGNATURE_CODES[code]) || 'unknown';
  const signer = readPerson(kid(participation, 'assignedEntity'));
  if (signer) signature.signer = signer;
  else warnings.push(`The ${role} has no person name.`);
  const signedAt = timeField(kid(participation, 'time'));
  if (signedAt) signature.signedAt = signedAt;
  else warnings.push(`The ${role} has no signature time (${participation.localName}/time).`);
}

function readCosigner(participation: Element, signature: Signature): void {
  const cosigner = readPerson(kid(participation, 'assignedEntity'));
  if (cosigner) signature.cosigner = cosigner;
  const cosignedAt = timeField(kid(participation, 'time'));
  if (cosignedAt) signature.cosignedAt = cosignedAt;
}
