import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toEpoch } from '../../../src/chart/dates.ts';
import { CORPUS, expectGolden, fixtureName, fullDocuments, HAS_CORPUS, snapshotOfRendered, snapshotOfXml } from './ccda-corpus.ts';

// The 19 HL7 examples rendered by CDA.xsl, read by `ccda-rendered` and compared with what the
// `ccda` adapter reads from the same XML. Goldens: UPDATE_GOLDEN=1 (see ccda.test.ts).

const golden = (name: string) => new URL(`../../fixtures/ccda-hl7/${name.replace(/\.html$/, '')}.rendered.expected.json`, import.meta.url);
const pages = HAS_CORPUS ? readdirSync(`${CORPUS}/rendered`).filter((n) => n.endsWith('.html')).sort() : [];
const xmlByName = new Map(HAS_CORPUS ? fullDocuments().map((row) => [`${fixtureName(row.path!)}.html`, row.path!]) : []);
const epoch = (iso?: string) => (iso ? toEpoch(iso) : undefined);
/** The rendering upper-cases family names and shows call-me names: compare family names only. */
const family = (name?: string) => name?.trim().split(/\s+/).pop()?.toLowerCase();

describe.skipIf(!HAS_CORPUS)('rendered C-CDA adapter over the HL7 examples', () => {
  it('has the 19 rendered documents, each with its XML', () => {
    expect(pages).toHaveLength(19);
    expect(pages.filter((p) => !xmlByName.has(p))).toEqual([]);
  });

  describe.each(pages)('%s', (name) => {
    const { snapshot } = snapshotOfRendered(name);
    const { snapshot: xml } = snapshotOfXml(xmlByName.get(name)!);
    const doc = snapshot.documents[0]!;
    const xmlDoc = xml.documents[0]!;

    it('is read by the ccda-rendered adapter', () => {
      expect(snapshot.source.adapter).toBe('ccda-rendered');
    });

    it('yields the patient the XML names', () => {
      expect(snapshot.patient.mrn?.value).toBe(xml.patient.mrn?.value);
      expect(snapshot.patient.dob?.iso).toBe(xml.patient.dob?.iso);
      expect(snapshot.patient.sex?.value).toBe(xml.patient.sex?.value);
      const names = [snapshot.patient.name?.value ?? '', xml.patient.name?.value ?? ''].map((n) => n.toLowerCase());
      expect(names[0]!.split(/\s+/)).toContain(family(xml.patient.name?.value));
      expect(names[1]).toBeTruthy();
    });

    it('yields the title, author and authenticators the XML names, at the same times', () => {
      expect(doc.title.value).toBe(xmlDoc.title.value);
      expect(family(doc.author?.name.value)).toBe(family(xmlDoc.author?.name.value));
      expect(epoch(doc.authoredAt?.iso)).toBe(epoch(xmlDoc.authoredAt?.iso));
      expect(epoch(doc.createdAt?.iso)).toBe(epoch(xmlDoc.createdAt?.iso));
      expect(doc.signature.status).toBe(xmlDoc.signature.status);
      expect(family(doc.signature.signer?.name.value)).toBe(family(xmlDoc.signature.signer?.name.value));
      expect(epoch(doc.signature.signedAt?.iso)).toBe(epoch(xmlDoc.signature.signedAt?.iso));
      expect(family(doc.signature.cosigner?.name.value)).toBe(family(xmlDoc.signature.cosigner?.name.value));
    });

    it('yields the section titles and texts of a structured body', () => {
      // A PDF body is an iframe the adapter cannot read, in either form.
      if (xmlDoc.sections[0]?.title === 'Document body' && !xmlDoc.sections[0].text) return expect(doc.sections).toEqual([]);
      expect(doc.sections.map((s) => [s.title, s.text])).toEqual(xmlDoc.sections.map((s) => [s.title, s.text]));
    });

    it('matches its golden snapshot', () => {
      expectGolden(snapshot, golden(name));
    });
  });
});
