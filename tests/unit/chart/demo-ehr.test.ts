import { readFileSync, writeFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { demoEhr } from '../../../src/chart/adapters/demo-ehr.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';

const NOW = '2026-11-24T12:00:00Z';
const page = (name: string) => new URL(`../../fixtures/demo-ehr/${name}`, import.meta.url);

function load(name: string): Document {
  const window = new Window({ url: `http://127.0.0.1/${name}` });
  window.document.write(readFileSync(page(name), 'utf8'));
  return window.document as unknown as Document;
}

describe('demo EHR adapter', () => {
  it('claims the demo pages', () => {
    expect(demoEhr.matches({ document: load('chart.html'), url: 'http://127.0.0.1/chart.html', now: NOW })).toBe(true);
  });

  it('reads chart.html into its golden snapshot', () => {
    const snapshot = extractFromDom({ document: load('chart.html'), url: 'http://127.0.0.1/chart.html', now: NOW });
    const golden = page('chart.expected.json');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${JSON.stringify(snapshot, null, 2)}\n`);
    expect(snapshot).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('reads patient, signatures, orders and required fields as a technician would', () => {
    const snapshot = extractFromDom({ document: load('chart.html'), url: 'http://127.0.0.1/chart.html', now: NOW });
    expect(snapshot.source.adapter).toBe('demo-ehr');
    expect(snapshot.patient.name?.value).toBe('Rivera, Maria L');
    expect(snapshot.patient.dob?.iso).toBe('1958-03-14');
    expect(snapshot.encounter?.kind).toBe('inpatient');
    expect(snapshot.encounter?.admittedAt?.iso).toBe('2026-11-20T14:32');
    expect(snapshot.documents.map((d) => [d.kind, d.signature.status])).toEqual([
      ['history-and-physical', 'signed'],
      ['progress-note', 'signed'],
      ['consultation', 'dictated-not-signed'],
      ['progress-note', 'needs-cosignature'],
      ['progress-note', 'unsigned'],
    ]);
    const hp = snapshot.documents[0]!;
    expect(hp.signature.signer?.name.value).toBe('Samuel Okafor');
    expect(hp.signature.signer?.credentials?.value).toBe('MD');
    expect(hp.signature.signedAt?.iso).toBe('2026-11-20T16:45');
    expect(snapshot.documents[2]!.identifiers.dob).toBeUndefined();
    expect(snapshot.orders.map((o) => [o.kind, o.signature.status])).toEqual([
      ['electronic', 'signed'],
      ['verbal', 'unsigned'],
      ['telephone', 'signed'],
    ]);
    expect(snapshot.diagnoses.map((d) => d.code?.code)).toEqual(['I50.23', 'E11.22', 'N18.31', 'I10']);
    expect(snapshot.forms.filter((f) => f.required && !f.value).map((f) => f.label)).toEqual([
      'Admitting diagnosis (ICD-10-CM)',
      'Discharge disposition',
    ]);
  });

  it('reads the text the user typed into a note, not the text the page was served with', () => {
    const document = load('chart.html');
    const textarea = document.querySelector('textarea.note-text') as HTMLTextAreaElement;
    textarea.value = 'Edited after load.';
    const snapshot = extractFromDom({ document, url: 'http://127.0.0.1/chart.html', now: NOW });
    expect(snapshot.documents[4]!.sections[0]!.text).toBe('Edited after load.');
  });
});
