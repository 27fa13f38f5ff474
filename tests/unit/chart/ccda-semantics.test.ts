import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractFromDom } from '../../../src/chart/extract.ts';
import { snapshotFromText } from '../../../src/chart/from-file.ts';

// C-CDA read as the standard means it: who signed (legalAuthenticator, else an authenticator
// that signed), lists documented as none (nullFlavor), and any ClinicalDocument read as C-CDA.

const NOW = '2026-11-24T12:00:00Z';
const V3 = 'xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const xml = (text: string) => new new Window().DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
const read = (text: string) => extractFromDom({ document: xml(text), url: 'file:///t.xml', now: NOW });

const person = (given: string, family: string) => `<assignedEntity><id root="2.16.840.1.113883.4.6" extension="1"/><assignedPerson><name><given>${given}</given><family>${family}</family><suffix>MD</suffix></name></assignedPerson></assignedEntity>`;
const signer = (element: string, code: string, given: string, family: string) => `<${element}><time value="20261120093000-0500"/><signatureCode code="${code}"/>${person(given, family)}</${element}>`;
const header = (participations: string, body = '<component><structuredBody/></component>') => `<ClinicalDocument ${V3}>
  <code code="18842-5" codeSystem="2.16.840.1.113883.6.1"/><title>Discharge Summary</title>
  <effectiveTime value="20261120"/>
  <author><time value="20261120"/><assignedAuthor><id root="1"/><assignedPerson><name><given>Ann</given><family>Author</family></name></assignedPerson></assignedAuthor></author>
  ${participations}${body}</ClinicalDocument>`;
const signatureOf = (text: string) => {
  const snapshot = read(text);
  const { signature } = snapshot.documents[0]!;
  return { status: signature.status, signer: signature.signer?.name.value, cosigner: signature.cosigner?.name.value, signedAt: signature.signedAt?.value, warnings: snapshot.warnings };
};
const NO_LEGAL = /^No legal authenticator is named/;

describe('C-CDA authentication', () => {
  it('takes the legalAuthenticator as the signature and an authenticator as co-signer', () => {
    const s = signatureOf(header(signer('legalAuthenticator', 'S', 'Lee', 'Legal') + signer('authenticator', 'S', 'Al', 'Auth')));
    expect([s.status, s.signer, s.cosigner]).toEqual(['signed', 'Lee Legal', 'Al Auth']);
    expect(s.warnings.filter((w) => NO_LEGAL.test(w))).toEqual([]);
  });

  it('reports an authenticator with signatureCode S and no legalAuthenticator as signed by that person', () => {
    const s = signatureOf(header(signer('authenticator', 'S', 'Al', 'Auth')));
    expect([s.status, s.signer, s.cosigner, s.signedAt]).toEqual(['signed', 'Al Auth', undefined, '20261120093000-0500']);
    expect(s.warnings.filter((w) => NO_LEGAL.test(w))).toEqual(['No legal authenticator is named (legalAuthenticator): the document is authenticated by Al Auth (authenticator, signatureCode S), not legally signed.']);
  });

  it('leaves a document whose only authenticator has not signed (I) unsigned', () => {
    const s = signatureOf(header(signer('authenticator', 'I', 'Al', 'Auth')));
    expect([s.status, s.signer, s.cosigner]).toEqual(['unsigned', undefined, 'Al Auth']);
    expect(s.warnings.some((w) => NO_LEGAL.test(w))).toBe(false);
  });
});

const problemSection = (attrs: string, narrative: string, observation: string) => `<component><structuredBody><component>
  <section ${attrs}><templateId root="2.16.840.1.113883.10.20.22.2.5.1"/><code code="11450-4" codeSystem="2.16.840.1.113883.6.1"/>
    <title>Problems</title><text>${narrative}</text>
    <entry><act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.3"/><statusCode code="active"/>
      <entryRelationship typeCode="SUBJ">${observation}</entryRelationship></act></entry>
  </section></component></structuredBody></component>`;
const problemObservation = (value: string) => `<observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.4"/>
  <code code="55607006" codeSystem="2.16.840.1.113883.6.96"/><statusCode code="completed"/>${value}</observation>`;
const UNREADABLE = /has neither a code nor text/;

describe('C-CDA lists documented as none', () => {
  it('reads a nullFlavor NI problem list ("No data") as none, without an unreadable warning', () => {
    const snapshot = read(header('', problemSection('nullFlavor="NI"', 'No data', problemObservation('<value xsi:type="CD" nullFlavor="NI"/>'))));
    expect(snapshot.diagnoses).toEqual([]);
    expect(snapshot.warnings.filter((w) => UNREADABLE.test(w))).toEqual([]);
  });

  it('reads a problem whose value is nullFlavor NI, in a plain section, as none', () => {
    const snapshot = read(header('', problemSection('', 'No known problems', problemObservation('<value xsi:type="CD" nullFlavor="NI"/>'))));
    expect(snapshot.diagnoses).toEqual([]);
    expect(snapshot.warnings.filter((w) => UNREADABLE.test(w))).toEqual([]);
  });

  it('still warns about a problem with neither code nor text and no nullFlavor', () => {
    const snapshot = read(header('', problemSection('', 'Problems', problemObservation('<value xsi:type="CD"/>'))));
    expect(snapshot.warnings.filter((w) => UNREADABLE.test(w))).toHaveLength(1);
  });

  it('keeps a problem written in words under a nullFlavored code', () => {
    const snapshot = read(header('', problemSection('', 'Problems', problemObservation('<value xsi:type="CD" nullFlavor="OTH"><originalText>Chest wall pain</originalText></value>'))));
    expect(snapshot.diagnoses.map((d) => d.text.value)).toEqual(['Chest wall pain']);
  });
});

describe('any well-formed ClinicalDocument is read as C-CDA', () => {
  const doc = header(signer('legalAuthenticator', 'S', 'Lee', 'Legal'));
  const fromText = (text: string, name = 'summary.txt') => snapshotFromText(text, { url: `file:///${name}`, now: NOW, name });
  const bigTable = `<table>${'<tr><td>Glucose</td><td>95 mg/dL</td><td>11/20/2026</td></tr>'.repeat(5000)}</table>`;

  it.each([
    ['with no prolog and no .xml name', doc],
    ['after a byte-order mark, blank lines and comments', `\uFEFF\n\n<!-- exported by a vendor -->\n<!-- second comment -->\n${doc}`],
    ['after a prolog and a comment', `<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<?xml-stylesheet type="text/xsl" href="CDA.xsl"?>\n${doc}`],
    ['with a namespace prefix on the root', doc.replace(`<ClinicalDocument ${V3}>`, '<cda:ClinicalDocument xmlns:cda="urn:hl7-org:v3">').replace('</ClinicalDocument>', '</cda:ClinicalDocument>').replace(/<(\/?)(?!cda:)([A-Za-z])/g, '<$1cda:$2')],
    ['with a large narrative table', header(signer('legalAuthenticator', 'S', 'Lee', 'Legal'), problemSection('', bigTable, problemObservation('<value xsi:type="CD" code="I10" codeSystem="2.16.840.1.113883.6.90"/>')))],
  ])('%s', (_what, text) => {
    const snapshot = fromText(text);
    expect(snapshot.source.adapter).toBe('ccda');
    expect(snapshot.documents[0]?.signature.signer?.name.value).toBe('Lee Legal');
  });

  it('even when the file is named .html', () => {
    expect(fromText(doc, 'summary.html').source.adapter).toBe('ccda');
  });
});

describe('rendered C-CDA (CDA.xsl) authentication', () => {
  const rendered = (rows: string) => `<!doctype html><html><body>
    <div id="documentheader"><h1 class="title">Consultation Note</h1></div>
    <div id="documentfooter"><table class="header_table"><tbody>${rows}</tbody></table></div></body></html>`;
  const row = (label: string, value: string) => `<tr><td class="td_label">${label}</td><td>${value}</td></tr>`;
  const readRendered = (html: string) => {
    const snapshot = snapshotFromText(html, { url: 'file:///consult.html', now: NOW, name: 'consult.html' });
    const { signature } = snapshot.documents[0]!;
    return { adapter: snapshot.source.adapter, status: signature.status, signer: signature.signer?.name.value, cosigner: signature.cosigner?.name.value, noLegal: snapshot.warnings.filter((w) => NO_LEGAL.test(w)).length };
  };

  it('reports an Authenticator who signed, with no Legal Authenticator row, as the signer', () => {
    expect(readRendered(rendered(row('Authenticator', 'Al AUTH M.D. signed at August 1, 2013, 10:30AM -0800')))).toMatchObject({ adapter: 'ccda-rendered', status: 'signed', cosigner: undefined, noLegal: 1 });
  });

  it('keeps the Authenticator as co-signer beside a Legal Authenticator', () => {
    const both = rendered(row('Legal Authenticator', 'Lee LEGAL M.D. signed at August 2, 2013, 9:00AM -0800') + row('Authenticator', 'Al AUTH M.D. signed at August 1, 2013, 10:30AM -0800'));
    const read = readRendered(both);
    expect([read.status, read.noLegal]).toEqual(['signed', 0]);
    expect(read.signer).toMatch(/LEGAL/);
    expect(read.cosigner).toMatch(/AUTH/);
  });
});
