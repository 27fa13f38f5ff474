import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { medplum } from '../../../src/chart/adapters/medplum.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';

const NOW = '2026-11-24T12:00:00Z';
const CORPUS = resolve(process.cwd(), '../shared/corpora/ehr-pages/medplum');
const PATIENT = 'http://localhost:3000/Patient/53b1c29c-a293-4c17-9ce4-43293b308e33';
/** The URL each page was saved from (the pages do not carry it): chart, then the two visits. */
const PAGES = [
  { name: 'medplum-chart', url: `${PATIENT}/timeline` },
  { name: 'medplum-enc1', url: `${PATIENT}/Encounter/35ad9417-1df3-4f49-833d-d6a2c225797b` },
  { name: 'medplum-enc2', url: `${PATIENT}/Encounter/6cb9f86b-3ac5-40dd-bcde-1217c6a10120` },
];

function load(name: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(readFileSync(resolve(CORPUS, `${name}.html`), 'utf8'));
  return window.document as unknown as Document;
}

function extract(name: string): ChartSnapshot {
  const page = PAGES.find((p) => p.name === name)!;
  return extractFromDom({ document: load(page.name, page.url), url: page.url, now: NOW });
}

describe.skipIf(!existsSync(CORPUS))('Medplum adapter on the saved provider-app pages', () => {
  it.each(PAGES)('claims $name and reads it into its golden snapshot', ({ name, url }) => {
    const document = load(name, url);
    expect(medplum.matches({ document, url, now: NOW })).toBe(true);
    const snapshot = extractFromDom({ document, url, now: NOW });
    const golden = new URL(`../../fixtures/medplum/${name}.expected.json`, import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${JSON.stringify(snapshot, null, 2)}\n`);
    expect(snapshot).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('reads the patient summary on every page, and the MRN where the timeline shows it', () => {
    for (const { name } of PAGES) {
      const { patient } = extract(name);
      expect(patient.name?.value).toBe('Homer Jay Simpson');
      expect(patient.dob?.iso).toBe('1986-05-12');
      expect(patient.sex?.value).toBe('Male');
    }
    expect(extract('medplum-chart').patient.mrn?.value).toBe('MRN-000123');
    expect(extract('medplum-enc1').warnings.join(' ')).toMatch(/MRN is not shown/);
  });

  it('tells the signed-and-locked visit from the unsigned one', () => {
    const signed = extract('medplum-enc1').documents[0]!;
    expect(signed.signature.status).toBe('signed');
    expect(signed.signature.signer?.name.value).toBe('Alice Smith');
    expect(signed.signature.signer?.credentials?.value).toBe('MD');
    expect(signed.signature.signedAt?.iso).toBe('2026-11-02');
    const unsigned = extract('medplum-enc2').documents[0]!;
    expect(unsigned.signature).toEqual({ status: 'unsigned' });
    expect(unsigned.id).toBe('encounter-6cb9f86b-3ac5-40dd-bcde-1217c6a10120-note');
  });

  it('reads the visit and the SOAP note text from the textarea', () => {
    const snapshot = extract('medplum-enc2');
    expect(snapshot.encounter?.kind).toBe('outpatient');
    expect(snapshot.encounter?.admittedAt?.iso).toBe('2026-11-20');
    expect(snapshot.encounter?.attending?.name.value).toBe('Alice Smith');
    const note = snapshot.documents[0]!;
    expect(note.kind).toBe('progress-note');
    expect(note.sections.map((s) => [s.title, s.text])).toEqual([
      ['Subjective', 'Acute visit, R knee pain after fall 2 days ago.'],
      ['Objective', 'Effusion, tender medial joint line.'],
      ['Assessment', 'Knee sprain.'],
      ['Plan', 'X-ray R knee, NSAIDs.'],
    ]);
  });

  it('prefers what the user typed (the live .value) over the text the page was saved with', () => {
    const page = PAGES[2]!;
    const document = load(page.name, page.url);
    const textarea = document.querySelector('textarea.mantine-Textarea-input:not([placeholder])') as HTMLTextAreaElement;
    textarea.value = 'S: Typed after load.\nA: Knee sprain, improving.';
    const note = extractFromDom({ document, url: page.url, now: NOW }).documents[0]!;
    expect(note.sections.map((s) => s.text)).toEqual(['Typed after load.', 'Knee sprain, improving.']);
  });

  it('reads the problem list with status and onset, and timeline ServiceRequests as orders', () => {
    const snapshot = extract('medplum-chart');
    expect(snapshot.diagnoses.map((d) => [d.text.value, d.status, d.date?.iso])).toEqual([
      ['Knee sprain', 'active', undefined],
      ['Essential hypertension', 'active', '2021-06-15'],
      ['Type 2 diabetes mellitus with hyperglycemia', 'active', '2019-03-01'],
    ]);
    expect(snapshot.orders.map((o) => [o.text.value, o.orderedAt?.iso, o.orderedBy?.name.value])).toEqual([
      ['X-ray right knee', '2026-11-20T14:25:00', 'Alice Smith'],
      ['Hemoglobin A1c/Hemoglobin.total in Blood', '2026-11-02T09:20:00', 'Alice Smith'],
    ]);
  });

  it('does not claim pages that only share the Mantine UI kit', () => {
    const window = new Window({ url: 'http://example.test/' });
    window.document.write('<title>Other app</title><div class="mantine-AppShell-root"><p>Hello</p></div>');
    const document = window.document as unknown as Document;
    expect(medplum.matches({ document, url: 'http://example.test/', now: NOW })).toBe(false);
  });
});
