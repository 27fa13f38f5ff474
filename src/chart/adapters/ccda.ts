import type { DomAdapter, DomInput } from '../adapter.ts';
import { readAuthorship } from '../ccda/authorship.ts';
import { ccdaDocumentKind } from '../ccda/document-kind.ts';
import { readEncounter } from '../ccda/encounter.ts';
import { NarrativeIndex } from '../ccda/narrative.ts';
import { readPatient } from '../ccda/patient.ts';
import { readPlannedOrders } from '../ccda/planned-orders.ts';
import { readProblems } from '../ccda/problems.ts';
import { readProcedures } from '../ccda/procedures.ts';
import { readSections } from '../ccda/sections.ts';
import { timeField } from '../ccda/time.ts';
import { attr, descendants, kid, xmlRef } from '../ccda/xml.ts';
import { foldSpace, quote } from '../dom/text.ts';
import { emptySnapshot, type ChartDocument, type ChartSnapshot } from '../snapshot.ts';

const HL7_V3 = 'urn:hl7-org:v3';
const XHTML = 'http://www.w3.org/1999/xhtml';
const CCDA_TEMPLATES = '2.16.840.1.113883.10.20.';
/** CDA header participations that travel as fragments without a templateId. */
const HEADER_ROOTS = new Set([
  'recordTarget', 'author', 'custodian', 'legalAuthenticator', 'authenticator', 'informant', 'dataEnterer', 'participant',
  'documentationOf', 'componentOf', 'authorization', 'informationRecipient', 'inFulfillmentOf', 'serviceEvent', 'section', 'observation',
]);
/** Elements that can be C-CDA entries: problem, procedure and planned templates sit on these. */
const ENTRY_ELEMENTS = new Set(['observation', 'act', 'procedure', 'substanceAdministration', 'encounter', 'supply']);

/**
 * A raw C-CDA XML document (in the browser an XMLDocument open in a tab; in Node one parsed
 * by happy-dom): the header (patient, encounter, author, legal authenticator) as one
 * ChartDocument with its sections, and the coded problems, procedures and planned orders.
 * A fragment (a section or entry on its own) yields its entries and a warning; a document
 * that did not parse yields what came before the error.
 */
export const ccda: DomAdapter = {
  id: 'ccda',
  matches({ document }: DomInput): boolean {
    const root = document.documentElement as Element | null;
    if (!root) return false;
    if (root.localName === 'ClinicalDocument' || root.namespaceURI === HL7_V3 || isXmlParseError(document)) return true;
    // A C-CDA fragment (most carry no namespace): an XML document, not XHTML, with a C-CDA
    // templateId somewhere in it or a CDA header participation as its root.
    if (root.namespaceURI === XHTML || root.localName.toLowerCase() === 'html') return false;
    return HEADER_ROOTS.has(root.localName) || Array.from(root.getElementsByTagName('templateId')).some((t) => t.getAttribute('root')?.startsWith(CCDA_TEMPLATES));
  },
  extract({ document, now }: DomInput): ChartSnapshot {
    const snapshot = emptySnapshot('ccda', now);
    const root = document.documentElement;
    const parseError = parseErrorText(root);
    if (parseError !== undefined) {
      snapshot.warnings.push(`The XML is not well-formed (${parseError || 'parser error'}); only what precedes the error was read.`);
    }
    if (root.localName === 'parsererror') return snapshot;
    const narrative = new NarrativeIndex(root);
    if (root.localName === 'ClinicalDocument') readHeader(root, snapshot);
    else snapshot.warnings.push(`This is a C-CDA fragment (<${root.localName}>), not a ClinicalDocument: it has no patient, author or signature to read.`);

    const entries = [root, ...descendants(root, ENTRY_ELEMENTS)].filter((el) => ENTRY_ELEMENTS.has(el.localName));
    snapshot.diagnoses = readProblems(entries.filter((el) => el.localName === 'observation'), narrative, snapshot.warnings);
    snapshot.procedures = readProcedures(entries, narrative);
    snapshot.orders = readPlannedOrders(entries, narrative);
    const admitting = snapshot.diagnoses.find((d) => d.role === 'admitting');
    if (snapshot.encounter && admitting) snapshot.encounter.admittingDiagnosis = admitting.text;
    return snapshot;
  },
};

function readHeader(doc: Element, snapshot: ChartSnapshot): void {
  snapshot.patient = readPatient(doc, snapshot.warnings);
  const encounter = readEncounter(doc);
  if (encounter) snapshot.encounter = encounter;

  const codeEl = kid(doc, 'code');
  const titleEl = kid(doc, 'title');
  const title = foldSpace(titleEl?.textContent ?? '') || attr(codeEl, 'displayName') || 'Clinical document';
  if (!titleEl) snapshot.warnings.push('The document has no title.');
  snapshot.source.title = title;

  const { author, authoredAt, signature } = readAuthorship(doc, snapshot.warnings);
  const idEl = kid(doc, 'id');
  const { name, mrn, dob } = snapshot.patient;
  const document: ChartDocument = {
    id: `ccda-${attr(idEl, 'extension') ?? attr(idEl, 'root') ?? 'document'}`,
    kind: ccdaDocumentKind(attr(codeEl, 'code'), title),
    title: { value: title, source: xmlRef(titleEl ?? codeEl ?? doc, title) },
    signature,
    // The header's patient is printed on every rendering of the document.
    identifiers: { ...(name && { name }), ...(mrn && { mrn }), ...(dob && { dob }) },
    sections: readSections(doc, snapshot.warnings),
    source: xmlRef(doc, title),
  };
  if (author) document.author = author;
  const createdAt = timeField(kid(doc, 'effectiveTime')) ?? authoredAt;
  if (createdAt) document.createdAt = createdAt;
  else snapshot.warnings.push('The document has no effectiveTime (creation time).');
  if (authoredAt) document.authoredAt = authoredAt;
  snapshot.documents.push(document);
}

/** Firefox makes `<parsererror>` the root; Chromium and happy-dom insert it into the partial tree. */
function isXmlParseError(document: Document): boolean {
  return document.documentElement.localName === 'parsererror';
}

function parseErrorText(root: Element): string | undefined {
  const error = root.localName === 'parsererror' ? root : root.getElementsByTagName('parsererror')[0];
  if (!error) return undefined;
  // Chromium and happy-dom put the message in a <div> after an <h3> heading.
  const detail = error.getElementsByTagName('div')[0] ?? error;
  return quote(detail.textContent ?? '', 200);
}
