import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromFhir } from '../../../src/chart/adapters/fhir.ts';

// FHIR R4 bundles of our own, each beside the snapshot it must produce (regenerate with
// UPDATE_GOLDEN=1 and review the diff), plus the readings a technician relies on.

const NOW = '2026-11-24T12:00:00Z';
const fixture = (name: string) => new URL(`../../fixtures/fhir/${name}`, import.meta.url);
const read = (name: string) => extractFromFhir(JSON.parse(readFileSync(fixture(`${name}.json`), 'utf8')) as unknown, `file:///fhir/${name}.json`, NOW);

describe('FHIR adapter', () => {
  it.each(['inpatient-stay', 'signed-note', 'preliminary-note', 'single-condition'])('reads %s into its golden snapshot', (name) => {
    const snapshot = read(name);
    const golden = fixture(`${name}.expected.json`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${JSON.stringify(snapshot, null, 2)}\n`);
    expect(snapshot).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('reads an inpatient stay: encounter, diagnosis roles and codes, procedure, orders', () => {
    const s = read('inpatient-stay');
    expect(s.patient.mrn?.value).toBe('MRN-20417');
    expect(s.patient.name?.value).toBe('Rosa M Alvarez');
    expect(s.encounter?.kind).toBe('inpatient');
    expect(s.encounter?.admittedAt?.iso).toBe('2026-11-20T14:32:00-05:00');
    expect(s.encounter?.attending?.name.value).toBe('Samuel Okafor');
    expect(s.encounter?.admittingDiagnosis?.value).toBe('Acute on chronic systolic heart failure');
    expect(s.diagnoses.map((d) => [d.role, d.status, d.code?.system, d.code?.code])).toEqual([
      ['admitting', 'active', 'ICD-10-CM', 'I50.23'],
      ['final', 'active', 'ICD-10-CM', 'E11.22'],
      ['problem', 'active', 'SNOMED CT', '38341003'],
      ['encounter', 'negated', 'ICD-10-CM', 'I26.99'],
    ]);
    expect(s.diagnoses[0]!.codes?.map((c) => c.code)).toEqual(['I50.23', '42343007']);
    expect(s.procedures.map((p) => [p.code?.system, p.code?.code, p.date?.iso])).toEqual([['ICD-10-PCS', 'B246ZZZ', '2026-11-21T09:40:00-05:00']]);
    expect(s.orders.map((o) => [o.kind, o.signature.status, o.signature.signedAt?.iso])).toEqual([
      ['verbal', 'unsigned', undefined],
      ['electronic', 'signed', '2026-11-21T08:01:00-05:00'],
    ]);
    expect(s.orders[0]!.source.pointer).toBe('/entry/8/resource');
  });

  it('reads a signed note with its co-signer, and a Provenance-signed DocumentReference', () => {
    const [hp, dc] = read('signed-note').documents;
    expect([hp!.kind, hp!.signature.status, hp!.signature.signer?.name.value, hp!.signature.signer?.credentials?.value]).toEqual(['history-and-physical', 'signed', 'Samuel Okafor', 'MD']);
    expect(hp!.signature.signedAt?.source.pointer).toBe('/entry/0/resource/attester/0/time');
    expect([hp!.signature.cosigner?.name.value, hp!.signature.cosignedAt?.iso]).toEqual(['Maya Chen', '2026-11-21T08:05:00-05:00']);
    expect(hp!.identifiers.mrn?.value).toBe('MRN-20417');
    expect(hp!.sections.map((x) => x.text)).toEqual(['Shortness of breath & leg swelling for 3 days.', 'Acute on chronic systolic heart failure Type 2 diabetes with CKD stage 3a']);
    expect([dc!.kind, dc!.signature.status, dc!.signature.signedAt?.iso]).toEqual(['discharge-summary', 'signed', '2026-11-24T11:40:00-05:00']);
    expect(dc!.sections[0]!.text).toContain('Follow up with cardiology');
  });

  it('reads a preliminary note as unsigned and says what it could not read', () => {
    const s = read('preliminary-note');
    expect(s.documents.map((d) => [d.kind, d.signature.status])).toEqual([['progress-note', 'unsigned'], ['consultation', 'unknown']]);
    expect(s.documents[0]!.author?.credentials?.value).toBe('NP');
    expect(s.warnings).toContain('The text of "Cardiology Consultation" is not inline plain text (application/pdf); it was not read.');
  });

  it.each([null, 42, 'text', [], {}, { resourceType: 'Bundle', entry: 5 }, { resourceType: 'Bundle', entry: [null, { resource: [] }, { resource: { resourceType: 'Condition', code: 7 } }] }])(
    'never throws on %j',
    (json) => {
      const s = extractFromFhir(json, 'file:///x.json', NOW);
      expect(s.source.adapter).toBe('fhir');
      expect(s.diagnoses).toEqual([]);
    },
  );
});
