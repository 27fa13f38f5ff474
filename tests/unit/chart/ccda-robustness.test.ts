import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ccda } from '../../../src/chart/adapters/ccda.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';

// The raw C-CDA adapter on what the corpus does not show: broken XML, fragments, nullFlavors,
// and the coding choices (ICD-10-CM translation first, roles, negation) on a small document.

const NOW = '2026-11-24T12:00:00Z';
const xml = (text: string) => new new Window().DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
const read = (text: string) => extractFromDom({ document: xml(text), url: 'file:///t.xml', now: NOW });
const V3 = 'xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

const problem = (code: string, extra = '') => `
  <observation classCode="OBS" moodCode="EVN" ${extra}>
    <templateId root="2.16.840.1.113883.10.20.22.4.4"/>
    <text><reference value="#dx1"/></text>
    <statusCode code="completed"/>
    <effectiveTime><low value="20261119"/></effectiveTime>
    <value xsi:type="CD" code="${code}" codeSystem="2.16.840.1.113883.6.96" displayName="Heart failure">
      <translation code="I50.9" codeSystem="2.16.840.1.113883.6.90" displayName="Heart failure, unspecified"/>
    </value>
  </observation>`;

const admissionSection = (obs: string) => `
  <section>
    <templateId root="2.16.840.1.113883.10.20.22.2.43"/>
    <code code="46241-6" codeSystem="2.16.840.1.113883.6.1"/>
    <title>Admission Diagnosis</title>
    <text><content ID="dx1">CHF exacerbation</content></text>
    <entry><act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.34"/>
      <entryRelationship typeCode="SUBJ">${obs}</entryRelationship></act></entry>
  </section>`;

describe('C-CDA adapter robustness', () => {
  it('turns malformed XML into warnings, never a throw', () => {
    const snapshot = read(`<ClinicalDocument ${V3}><title>Broken</title><recordTarget></patientRole></ClinicalDocument>`);
    expect(snapshot.source.adapter).toBe('ccda');
    expect(snapshot.warnings.some((w) => w.startsWith('The XML is not well-formed'))).toBe(true);
  });

  it('claims a Firefox-style parse error document and says what happened', () => {
    const document = xml('<parsererror xmlns="http://www.mozilla.org/newlayout/xml/parsererror.xml">XML Parsing Error: mismatched tag</parsererror>');
    expect(ccda.matches({ document, url: 'file:///t.xml', now: NOW })).toBe(true);
    const snapshot = extractFromDom({ document, url: 'file:///t.xml', now: NOW });
    expect(snapshot.documents).toEqual([]);
    expect(snapshot.warnings).toEqual(['The XML is not well-formed (XML Parsing Error: mismatched tag); only what precedes the error was read.']);
  });

  it('reads the entries of a fragment and says it has no header', () => {
    const snapshot = read(`<section ${V3}>${admissionSection(problem('84114007')).replace(/^\s*<section>|<\/section>\s*$/g, '')}</section>`);
    expect(snapshot.warnings).toContain('This is a C-CDA fragment (<section>), not a ClinicalDocument: it has no patient, author or signature to read.');
    expect(snapshot.documents).toEqual([]);
    expect(snapshot.diagnoses.map((d) => [d.role, d.code?.code, d.text.value])).toEqual([['admitting', 'I50.9', 'CHF exacerbation']]);
  });

  it('shows the ICD-10-CM translation first and keeps the SNOMED CT code', () => {
    const snapshot = read(`<ClinicalDocument ${V3}><component><structuredBody><component>${admissionSection(problem('84114007'))}</component></structuredBody></component></ClinicalDocument>`);
    const dx = snapshot.diagnoses[0]!;
    expect(dx.code).toEqual({ system: 'ICD-10-CM', code: 'I50.9', display: 'Heart failure, unspecified' });
    expect(dx.codes?.map((c) => c.system)).toEqual(['ICD-10-CM', 'SNOMED CT']);
    expect(dx.date?.iso).toBe('2026-11-19');
    expect(dx.text.source.xpath).toBe('/ClinicalDocument/component/structuredBody/component/section/text/content');
  });

  it('reports a negated problem as negated, not as a current condition', () => {
    const snapshot = read(`<section ${V3}>${admissionSection(problem('84114007', 'negationInd="true"')).replace(/^\s*<section>|<\/section>\s*$/g, '')}</section>`);
    expect(snapshot.diagnoses[0]!.status).toBe('negated');
  });

  it('warns about a nullFlavored patient name and a missing legal authenticator', () => {
    const snapshot = read(`<ClinicalDocument ${V3}>
      <code code="11506-3" codeSystem="2.16.840.1.113883.6.1"/><title>Progress Note</title><effectiveTime value="20261123075000-0500"/>
      <recordTarget><patientRole><id root="1.2.3" extension="MRN-1"/><patient><name nullFlavor="UNK"/><birthTime value="19610704"/></patient></patientRole></recordTarget>
      <author><time value="20261123075000-0500"/><assignedAuthor><assignedPerson><name><given>Lena</given><family>Park</family><suffix>NP</suffix></name></assignedPerson></assignedAuthor></author>
    </ClinicalDocument>`);
    expect(snapshot.warnings).toContain("The patient's name is not given (nullFlavor UNK).");
    expect(snapshot.patient.mrn?.value).toBe('MRN-1');
    const doc = snapshot.documents[0]!;
    expect(doc.kind).toBe('progress-note');
    expect(doc.signature.status).toBe('unsigned');
    expect([doc.author?.name.value, doc.author?.credentials?.value, doc.authoredAt?.iso]).toEqual(['Lena Park', 'NP', '2026-11-23T07:50:00-05:00']);
  });

  it('reads a pended signature (signatureCode I) as pended', () => {
    const snapshot = read(`<ClinicalDocument ${V3}><title>Op Note</title>
      <legalAuthenticator><time value="20261121"/><signatureCode code="I"/><assignedEntity><assignedPerson><name>Sam Okafor</name></assignedPerson></assignedEntity></legalAuthenticator>
    </ClinicalDocument>`);
    expect(snapshot.documents[0]!.signature.status).toBe('pended');
    expect(snapshot.documents[0]!.signature.signer?.name.value).toBe('Sam Okafor');
  });
});
