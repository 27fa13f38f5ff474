import type { DomAdapter, DomInput } from '../adapter.ts';
import { ccdaDocumentKind } from '../ccda/document-kind.ts';
import { encounterKindFromWords } from '../ccda/encounter.ts';
import { cellFor, labelledCells, spanAfterLabel, type LabelledCell } from '../ccda/rendered-labels.ts';
import { renderedPerson } from '../ccda/rendered-person.ts';
import { renderedSections } from '../ccda/rendered-sections.ts';
import { withDate } from '../dated-field.ts';
import { refOf } from '../dom/source-ref.ts';
import { textOf } from '../dom/text.ts';
import { emptySnapshot, type ChartDocument, type ChartSnapshot, type Encounter, type Field, type Signature } from '../snapshot.ts';

/**
 * A C-CDA rendered to HTML by the HL7 stylesheet CDA.xsl, as EHR document viewers show it:
 * patient, encounter, author, authenticators and section texts from the header and footer
 * tables. The rendering prints no codes, so diagnoses and procedures are not read: the raw
 * XML (the `ccda` adapter) carries them.
 */
export const ccdaRendered: DomAdapter = {
  id: 'ccda-rendered',
  matches({ document }: DomInput): boolean {
    return document.querySelector('#documentheader h1.title') !== null && document.querySelector('#documentfooter table.header_table') !== null;
  },
  extract({ document, now }: DomInput): ChartSnapshot {
    const snapshot = emptySnapshot('ccda-rendered', now);
    const footer = labelledCells(document.querySelector('#documentfooter'));
    const header = labelledCells(document.querySelector('#documentheader'));
    snapshot.patient = readPatient(footer, snapshot.warnings);
    const encounter = readEncounter(footer);
    if (encounter) snapshot.encounter = encounter;

    const h1 = document.querySelector('#documentheader h1.title')!;
    const heading = textOf(h1);
    // CDA.xsl appends the document's effectiveTime in parentheses.
    const stamp = /\s*\(([^()]*\d{4}[^()]*)\)$/.exec(heading);
    const title = stamp ? heading.slice(0, stamp.index) : heading;
    const { name, mrn, dob } = snapshot.patient;
    const doc: ChartDocument = {
      id: 'ccda-rendered-document',
      kind: ccdaDocumentKind(undefined, title),
      title: { value: title, source: refOf(h1, undefined, heading) },
      signature: readSignature(footer, snapshot.warnings),
      identifiers: { ...(name && { name }), ...(mrn && { mrn }), ...(dob && { dob }) },
      sections: renderedSections(document, snapshot.warnings),
      source: refOf(h1, undefined, heading),
    };
    readAuthor(header, doc);
    const created = cellFor(footer, 'Created On');
    if (created) doc.createdAt = dateField(created, textOf(created));
    snapshot.documents.push(doc);
    snapshot.source.title = title;
    snapshot.warnings.push('A rendered C-CDA shows no codes: diagnoses and procedures are read only from the XML document.');
    return snapshot;
  },
};

function readPatient(footer: LabelledCell[], warnings: string[]): ChartSnapshot['patient'] {
  const patient: ChartSnapshot['patient'] = {};
  const nameCell = cellFor(footer, 'Patient');
  // "Legal: Eve BETTERHALF, search: Eve EVERYWOMAN": the first name printed is the one of record.
  const names = textOf(nameCell).split(/,\s*(?=[A-Za-z ]+:\s)/)[0] ?? '';
  const person = nameCell && renderedPerson(names, refOf(nameCell, undefined, names));
  if (person) patient.name = person.name;
  else warnings.push("The patient's name is not shown.");
  const ids = cellFor(footer, 'Patient-IDs');
  // The same choice as the XML adapter: the first identifier that is not an SSN or a Direct address.
  const spans = ids ? Array.from(ids.querySelectorAll('span')) : [];
  const idSpan = spans.find((s) => !/\(SSN\)$/.test(textOf(s)) && !(s.textContent ?? '').includes('@')) ?? spans[0];
  if (idSpan) {
    const text = textOf(idSpan);
    patient.mrn = { value: text.replace(/\s*\([^()]*\)$/, ''), source: refOf(idSpan, undefined, text) };
  } else warnings.push('The patient has no identifier shown.');
  const dobCell = cellFor(footer, 'Date of Birth');
  if (dobCell) patient.dob = dateField(dobCell, textOf(dobCell).replace(/\s*\([^()]*\)$/, ''));
  const sexCell = cellFor(footer, 'Gender');
  const sex = textOf(sexCell);
  if (sexCell && sex) patient.sex = { value: sex, source: refOf(sexCell, undefined, sex) };
  return patient;
}

function readEncounter(footer: LabelledCell[]): Encounter | undefined {
  const dates = cellFor(footer, 'Encounter Date');
  const type = cellFor(footer, 'Type');
  if (!dates && !type) return undefined;
  const encounter: Encounter = {};
  const kind = encounterKindFromWords(textOf(type));
  if (kind) encounter.kind = kind;
  const text = textOf(dates);
  const range = /^from (.+?)(?: to (.+))?$/.exec(text);
  if (dates && text) {
    encounter.admittedAt = dateField(dates, range?.[1] ?? text);
    if (range?.[2]) encounter.dischargedAt = dateField(dates, range[2]);
  }
  return encounter;
}

function readAuthor(header: LabelledCell[], doc: ChartDocument): void {
  // The header lists authors as name spans; a person has no "Organization:"-only name (devices
  // print their software name). The first author, as in the XML, is the person when there is one.
  for (const { label, cell } of header) {
    if (label !== 'Author') continue;
    const nameSpan = cell.querySelector('span.span_value');
    const person = nameSpan && renderedPerson(nameSpan.textContent ?? '', refOf(nameSpan, undefined, nameSpan.textContent ?? ''));
    if (!person || /\b(EHR|v\d|\d+\.\d+\.\d+)/.test(person.name.value)) continue;
    doc.author = person;
    const when = spanAfterLabel(cell, 'Authored On');
    if (when) doc.authoredAt = dateField(when, textOf(when));
    return;
  }
}

/**
 * "Henry SEVEN signed at September 17, 2014, 7:04PM -0500" in the Legal Authenticator row; the
 * Authenticator row beside it is the co-signer. With no Legal Authenticator row, an
 * Authenticator who signed has authenticated the document: signed by that person, with a
 * warning that no legal authenticator is named (as the raw C-CDA adapter says).
 */
function readSignature(footer: LabelledCell[], warnings: string[]): Signature {
  const signature: Signature = { status: 'unsigned' };
  const legal = signed(cellFor(footer, 'Legal Authenticator'));
  const other = signed(cellFor(footer, 'Authenticator'));
  const signer = legal ?? (other?.at ? other : undefined);
  if (signer) {
    signature.status = 'signed';
    if (signer.person) signature.signer = signer.person;
    if (signer.at) signature.signedAt = signer.at;
    signature.line = signer.line;
  }
  if (signer && signer === other) {
    const who = signer.person?.name.value;
    warnings.push(`No legal authenticator is named: the document is authenticated${who ? ` by ${who}` : ''} (Authenticator), not legally signed.`);
  } else {
    if (other?.person) signature.cosigner = other.person;
    if (other?.at) signature.cosignedAt = other.at;
  }
  return signature;
}

function signed(cell: Element | undefined): { person?: ReturnType<typeof renderedPerson>; at?: Field; line: Field } | undefined {
  if (!cell) return undefined;
  const text = textOf(cell);
  const source = refOf(cell, undefined, text);
  const m = /^(.*?)\s+signed at\s+(.+)$/.exec(text);
  const person = renderedPerson(m ? m[1]! : text, source);
  return { ...(person && { person }), ...(m && { at: dateField(cell, m[2]!) }), line: { value: text, source } };
}

function dateField(el: Element, text: string): Field {
  return withDate({ value: text, source: refOf(el, undefined, text) });
}
