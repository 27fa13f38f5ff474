import { describe, expect, it } from 'vitest';
import { toEpoch } from '../../../src/chart/dates.ts';
import { snapshotFromFile } from '../../../src/chart/from-file.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { CORPUS, expectGolden, fixtureName, fullDocuments, HAS_CORPUS, NOW, snapshotOfXml } from './ccda-corpus.ts';

// Every whole ClinicalDocument of the HL7 C-CDA examples, read by the `ccda` adapter, checked
// against the corpus index and against a golden snapshot checked by hand (regenerate with
// UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/chart/ccda.test.ts, then review the diff).

const golden = (path: string) => new URL(`../../fixtures/ccda-hl7/${fixtureName(path)}.expected.json`, import.meta.url);
const rows = HAS_CORPUS ? fullDocuments() : [];

function allCodes(snapshot: ChartSnapshot): string[] {
  return [...snapshot.diagnoses, ...snapshot.procedures].flatMap((item) => (item.codes ?? (item.code ? [item.code] : [])).map((c) => `${c.system}:${c.code}`));
}

describe.skipIf(!HAS_CORPUS)('C-CDA adapter over the HL7 examples', () => {
  it('finds the 30 whole documents the index lists, 19 with a header author time', () => {
    expect(rows).toHaveLength(30);
    expect(rows.filter((row) => row.author_with_time)).toHaveLength(19);
  });

  it('reads the discharge summary\'s author time as its XML gives it (<time value="201409171904-0500"/>)', () => {
    const { snapshot } = snapshotOfXml('Documents/Discharge Summary/Discharge_Summary.xml');
    expect(snapshot.documents[0]!.authoredAt).toMatchObject({ value: '201409171904-0500', iso: '2014-09-17T19:04-05:00' });
  });

  describe.each(rows.map((row) => [row.path!, row] as const))('%s', (path, row) => {
    const { snapshot, document } = snapshotOfXml(path);
    const doc = snapshot.documents[0]!;

    it('is read by the ccda adapter as one document', () => {
      expect(snapshot.source.adapter).toBe('ccda');
      expect(snapshot.documents).toHaveLength(1);
    });

    // The CLI parses XML with its own conforming parser (node-dom/xml-document.ts), not the
    // browser-like DOM above: the reading must not depend on which.
    it('reads the same through the CLI', async () => {
      const viaCli = await snapshotFromFile(`${CORPUS}/ccda-examples/${path}`, NOW);
      const withoutUrl = (s: ChartSnapshot) => ({ ...s, source: { ...s.source, url: undefined } });
      expect(withoutUrl(viaCli)).toEqual(withoutUrl(snapshot));
    });

    it('carries every ICD-10-CM and ICD-10-PCS code the index lists', () => {
      const codes = allCodes(snapshot);
      for (const code of (row.icd10cm_codes ?? '').split(/\s+/).filter(Boolean)) expect(codes).toContain(`ICD-10-CM:${code}`);
      for (const code of (row.icd10pcs_codes ?? '').split(/\s+/).filter(Boolean)) expect(codes).toContain(`ICD-10-PCS:${code}`);
    });

    // Without a legalAuthenticator, an authenticator that signed (every one in these examples has
    // signatureCode S) has authenticated the document: signed by that person, with a warning.
    it('reads the legal authenticator and its time as the index does, else the authenticator', () => {
      const authenticated = row.legalAuthenticator !== 'yes' && Number(row.authenticator_count ?? 0) > 0;
      if (row.legalAuthenticator === 'yes') {
        expect(doc.signature.status).toBe('signed');
        expect(doc.signature.signer?.name.value).toBeTruthy();
        expect(doc.signature.signedAt?.value).toBe(row.legalAuthenticator_time);
      } else if (authenticated) {
        expect(doc.signature.status).toBe('signed');
        expect(doc.signature.signer?.name.value).toBeTruthy();
        expect(snapshot.warnings.some((w) => w.startsWith('No legal authenticator is named'))).toBe(true);
      } else {
        expect(doc.signature.status).toBe('unsigned');
        expect(doc.signature.signedAt).toBeUndefined();
      }
    });

    // The 11 documents whose index lists no author time have no header author at all: no time is read.
    it('reads the first author time the index lists, and none when it lists none', () => {
      const first = (row.author_with_time ?? '').split(/\s+/).filter(Boolean)[0];
      expect(doc.authoredAt?.value).toBe(first);
    });

    it('names the patient of every document that has a recordTarget, and warns otherwise', () => {
      if (document.getElementsByTagName('recordTarget').length === 0) {
        expect(snapshot.warnings).toContain('The document has no recordTarget/patientRole: it names no patient.');
        return;
      }
      expect(snapshot.patient.name?.value).toBeTruthy();
      expect(snapshot.patient.mrn?.value).toBeTruthy();
      expect(doc.identifiers.name).toEqual(snapshot.patient.name);
    });

    it('gives sources that find the value again in the XML', () => {
      const signedAt = doc.signature.signedAt;
      if (signedAt) expect(document.querySelector(signedAt.source.selector!)?.getAttribute('value')).toBe(signedAt.value);
      for (const item of snapshot.diagnoses) expect(document.querySelector(item.source.selector!)?.localName).toBe('observation');
      if (doc.createdAt) expect(toEpoch(doc.createdAt.iso ?? '')).toBeTypeOf('number');
    });

    it('matches its golden snapshot', () => {
      expectGolden(snapshot, golden(path));
    });
  });
});
