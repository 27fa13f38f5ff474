import { ccdaDocumentKind } from '../ccda/document-kind.ts';
import { parseClinicalDate } from '../dates.ts';
import type { ChartDocument, Section, Signature } from '../snapshot.ts';
import { codesOfConcept, conceptText } from './codings.ts';
import { arr, fieldAt, fieldOf, obj, step, str, type Json } from './json.ts';
import { narrativeToText } from './narrative.ts';
import { personAt } from './people.ts';
import type { ProvenanceSignature } from './provenance.ts';
import type { Located, ResourceIndex } from './resources.ts';

/** What every document reader needs besides the resource itself. */
export interface DocumentContext {
  index: ResourceIndex;
  identifiers: ChartDocument['identifiers'];
  signatures: Map<string, ProvenanceSignature>;
  warnings: string[];
}

/**
 * A Composition as a ChartDocument. Signed when a legal (or official) attester or a Provenance
 * signature says so; a professional attester besides it is the co-signer; `preliminary` is
 * unsigned; a final Composition with no attestation is 'unknown', with a warning.
 */
export function readComposition({ resource, pointer }: Located, ctx: DocumentContext): ChartDocument {
  const title = str(resource.title) ?? conceptText(resource.type) ?? 'Composition';
  const doc = baseDocument(resource, pointer, title, ctx);
  const signature: Signature = { status: 'unknown' };
  arr(resource.attester).forEach((attester, i) => {
    const a = obj(attester);
    const at = step(step(pointer, 'attester'), i);
    const person = personAt(a?.party, step(at, 'party'), ctx.index);
    const time = fieldAt(a, 'time', at, parseClinicalDate);
    const legal = a?.mode === 'legal' || a?.mode === 'official';
    if (legal && !signature.signer) {
      if (person) signature.signer = person;
      if (time) signature.signedAt = time;
    } else if (!signature.cosigner) {
      if (person) signature.cosigner = person;
      if (time) signature.cosignedAt = time;
    }
  });
  doc.signature = settle(signature, resource.status, ctx.signatures.get(pointer), title, ctx.warnings);
  doc.sections = sectionsOf(resource, pointer);
  return doc;
}

/** A DocumentReference as a ChartDocument: authenticator, docStatus, inline plain text. */
export function readDocumentReference({ resource, pointer }: Located, ctx: DocumentContext): ChartDocument {
  const attachment = obj(obj(arr(resource.content)[0])?.attachment);
  const title = str(attachment?.title) ?? str(resource.description) ?? conceptText(resource.type) ?? 'Document';
  const doc = baseDocument(resource, pointer, title, ctx);
  const signature: Signature = { status: 'unknown' };
  const signer = personAt(resource.authenticator, step(pointer, 'authenticator'), ctx.index);
  if (signer) signature.signer = signer;
  doc.signature = settle(signature, resource.docStatus, ctx.signatures.get(pointer), title, ctx.warnings);
  const data = str(attachment?.data);
  const attachmentPointer = step(step(step(pointer, 'content'), 0), 'attachment');
  if (data && /^text\/plain/i.test(str(attachment?.contentType) ?? '')) {
    const text = decode(data);
    doc.sections = [{ title, text, source: { pointer: step(attachmentPointer, 'data'), text: text.slice(0, 300) } }];
  } else if (attachment) {
    ctx.warnings.push(`The text of "${title}" is not inline plain text (${str(attachment.contentType) ?? 'no content type'}); it was not read.`);
  }
  return doc;
}

function baseDocument(resource: Json, pointer: string, title: string, ctx: DocumentContext): ChartDocument {
  const loinc = codesOfConcept(resource.type, ['LOINC']).find((c) => c.system === 'LOINC')?.code;
  const doc: ChartDocument = {
    id: `fhir-${str(resource.resourceType) ?? 'document'}-${str(resource.id) ?? pointer}`,
    kind: ccdaDocumentKind(loinc, title),
    title: fieldOf(title, step(pointer, resource.title ? 'title' : 'type')),
    signature: { status: 'unknown' },
    identifiers: ctx.identifiers,
    sections: [],
    source: { pointer, text: title },
  };
  const author = personAt(arr(resource.author)[0], step(step(pointer, 'author'), 0), ctx.index);
  if (author) doc.author = author;
  const createdAt = fieldAt(resource, 'date', pointer, parseClinicalDate);
  if (createdAt) doc.createdAt = createdAt;
  return doc;
}

/** The status from what the resource says and any Provenance signature of it. */
function settle(signature: Signature, status: unknown, provenance: ProvenanceSignature | undefined, title: string, warnings: string[]): Signature {
  if (!signature.signer && provenance?.signer) signature.signer = provenance.signer;
  if (!signature.signedAt && provenance?.signedAt) signature.signedAt = provenance.signedAt;
  if (status === 'preliminary') signature.status = 'unsigned';
  else if (status === 'entered-in-error') warnings.push(`"${title}" is marked entered-in-error.`);
  else if (signature.signer) signature.status = 'signed';
  else warnings.push(`"${title}" (status: ${typeof status === 'string' ? status : 'none'}) names no attester, authenticator or Provenance signature.`);
  return signature;
}

function sectionsOf(parent: Json, pointer: string): Section[] {
  return arr(parent.section).flatMap((section, i) => {
    const s = obj(section);
    if (!s) return [];
    const at = step(step(pointer, 'section'), i);
    const title = str(s.title) ?? conceptText(s.code) ?? 'Untitled section';
    const text = narrativeToText(str(obj(s.text)?.div) ?? '');
    const result: Section = { title, text, source: { pointer: step(step(at, 'text'), 'div'), text: text.slice(0, 300) || title } };
    const code = codesOfConcept(s.code, ['LOINC'])[0]?.code;
    if (code) result.code = code;
    return [result, ...sectionsOf(s, at)];
  });
}

function decode(base64: string): string {
  try {
    const binary = atob(base64.replace(/\s+/g, ''));
    return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))).trim();
  } catch {
    return '';
  }
}
