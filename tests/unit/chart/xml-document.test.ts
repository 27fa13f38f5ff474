import { describe, expect, it } from 'vitest';
import { snapshotFromText, UnreadableFileError } from '../../../src/chart/from-file.ts';
import { parseXml } from '../../../src/chart/node-dom/xml-document.ts';

// The CLI's XML parser (node-dom/xml-document.ts) on what real C-CDA files hold: CDATA with a
// `<` in it, entities, namespaces declared, prefixed or left undeclared, and broken markup.

const NOW = '2026-11-24T12:00:00Z';
const V3 = 'xmlns="urn:hl7-org:v3"';
const fromText = (text: string, name = 'summary.xml') => snapshotFromText(text, { url: `file:///${name}`, now: NOW, name });
const problem = (code: string) => `<entry><act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.3"/>
  <entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.4"/>
  <value xsi:type="CD" code="${code}" codeSystem="2.16.840.1.113883.6.90" displayName="Chronic kidney disease, stage 3a"/></observation></entryRelationship></act></entry>`;
const doc = (narrative: string, entries = '', title = 'Progress Note') => `<?xml version="1.0"?>
<ClinicalDocument ${V3} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><title>${title}</title>
<component><structuredBody><component><section><title>Results</title><text>${narrative}</text>${entries}</section></component></structuredBody></component>
</ClinicalDocument>`;

describe('the XML parser of the CLI', () => {
  it('parses a CDATA section that holds a "<" and reads what follows it', () => {
    const snapshot = fromText(doc('<table><tr><td>eGFR</td><td><![CDATA[(Abnormal if <60 mL/min)]]></td></tr></table>', problem('N18.31')));
    expect(snapshot.documents[0]!.sections[0]!.text).toContain('(Abnormal if <60 mL/min)');
    expect(snapshot.diagnoses.map((d) => d.code?.code)).toEqual(['N18.31']);
    expect(snapshot.warnings.filter((w) => w.includes('not well-formed'))).toEqual([]);
  });

  it('decodes the predefined and numeric entities', () => {
    const snapshot = fromText(doc('Na &lt; 135 &amp; K &#x2265; 5.5 in caf&#233;', '', 'Smith &amp; Jones'));
    expect(snapshot.source.title).toBe('Smith & Jones');
    expect(snapshot.documents[0]!.sections[0]!.text).toBe('Na < 135 & K ≥ 5.5 in café');
  });

  it('reads on past an entity XML does not define, and says so', () => {
    const snapshot = fromText(doc('Stable&nbsp;today', problem('N18.31')));
    expect(snapshot.diagnoses).toHaveLength(1);
    expect(snapshot.warnings).toContain('The XML has errors (entity not found:&nbsp;); it was read as far as the parser could recover.');
  });

  it('keeps the HL7 namespace, default or prefixed', () => {
    expect(parseXml(`<ClinicalDocument ${V3}/>`).document.documentElement.namespaceURI).toBe('urn:hl7-org:v3');
    const prefixed = parseXml('<cda:ClinicalDocument xmlns:cda="urn:hl7-org:v3"><cda:title>T</cda:title></cda:ClinicalDocument>').document.documentElement;
    expect([prefixed.localName, prefixed.namespaceURI, prefixed.firstElementChild?.localName]).toEqual(['ClinicalDocument', 'urn:hl7-org:v3', 'title']);
  });

  it('assumes the xsi and sdtc prefixes that C-CDA files use undeclared', () => {
    const { document, errors } = parseXml(`<observation ${V3}><value xsi:type="CD" code="I10"/><sdtc:raceCode code="2106-3"/></observation>`);
    const value = document.documentElement.firstElementChild!;
    expect([value.getAttribute('xsi:type'), value.nextElementSibling?.namespaceURI, errors]).toEqual(['CD', 'urn:hl7-org:sdtc', []]);
  });

  it('walks elements with the standard traversal members', () => {
    const root = parseXml('<a>text<b/><!-- c --><c/>tail</a>').document.documentElement;
    expect([root.firstElementChild?.localName, root.lastElementChild?.localName, root.firstElementChild?.nextElementSibling?.localName, root.lastElementChild?.previousElementSibling?.localName, root.lastElementChild?.parentElement?.localName]).toEqual(['b', 'c', 'c', 'b', 'a']);
  });

  it('reads a document whose declaration comes after blank lines and a comment', () => {
    expect(fromText(`\n\n<!-- exported -->\n${doc('x')}`, 'summary.txt').source.adapter).toBe('ccda');
  });

  it('reads a fragment that opens with many comments (as the HL7 examples do)', () => {
    const comments = Array.from({ length: 12 }, (_, i) => `<!-- note ${i}: see the guide -->\n`).join('');
    const snapshot = fromText(`${comments}<section ${V3}><title>Measures</title><text>x</text>${problem('N18.31')}</section>`);
    expect([snapshot.source.adapter, snapshot.diagnoses.length]).toEqual(['ccda', 1]);
  });

  it.each([
    ['a mismatched end tag', `<ClinicalDocument ${V3}><title>T</titel></ClinicalDocument>`, /^is not well-formed XML \(line 1, column \d+: Opening and ending tag mismatch/],
    ['a truncated file', doc('x').slice(0, 120), /^is not well-formed XML \(/],
    ['an undeclared prefix', `<ClinicalDocument ${V3}><foo:bar/></ClinicalDocument>`, /^is not well-formed XML \(line 1, column \d+: a namespace prefix is used without being declared\)$/],
  ])('rejects %s with one line that says where', (_what, text, message) => {
    expect(() => fromText(text)).toThrow(UnreadableFileError);
    expect(() => fromText(text)).toThrow(message);
  });
});
