import { describe, expect, it } from 'vitest';
import { generic } from '../../../src/chart/adapters/generic.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { loadHtml } from './load-page.ts';

/**
 * Banners and note title bars spaced the way many EHRs print them (fields in spans with single
 * spaces between, parts set apart by runs of &nbsp; and bars), each case in markup of no corpus
 * page's, with the variant the next EHR would print beside it.
 */
const NOW = '2026-11-24T12:00:00Z';
function read(body: string): ChartSnapshot {
  const url = 'http://ehr.example.test/chart';
  return extractFromDom({ document: loadHtml(`<html><head><title>Chart</title></head><body>${body}</body></html>`, url), url, now: NOW }, [generic]);
}
const patientOf = (s: ChartSnapshot) => Object.fromEntries(Object.entries(s.patient).map(([k, f]) => [k, f?.value]));
const documentsOf = (s: ChartSnapshot) => s.documents.map((d) => [d.kind, d.title.value, d.signature.status]);

describe('generic reader: a banner of fields, each "Label: value" in an element of its own', () => {
  const expected = { name: 'QUILLFEATHER, Odessa M', mrn: 'A-553201', dob: '07/02/1949', sex: 'F' };

  it('reads them where only single spaces part them in the banner’s text', () => {
    const s = read(`<header><strong>QUILLFEATHER, Odessa M</strong> <span>MRN: A-553201</span> <span>DOB: 07/02/1949 (77 y)</span> <span>Sex: F</span> <span>Room: 412-B</span></header>`);
    expect(patientOf(s)).toEqual(expected);
  });

  it('reads them with the value in an element of its own inside the field', () => {
    const s = read(`<div class="pt"><span>Name: <b>QUILLFEATHER, Odessa M</b></span> <span>MRN: <b>A-553201</b></span> <span>DOB: <b>07/02/1949</b></span> <span>Sex: <b>F</b></span></div>`);
    expect(patientOf(s)).toEqual(expected);
  });

  it('reads the stay’s dates from such a banner too', () => {
    const s = read(`<div><span>Patient: <b>QUILLFEATHER, Odessa M</b></span> <span>Admitted: <b>11/19/2026 22:05</b></span> <span>Discharged: <b>11/23/2026 10:40</b></span></div>`);
    expect([s.encounter?.admittedAt?.iso, s.encounter?.dischargedAt?.iso]).toEqual(['2026-11-19T22:05', '2026-11-23T10:40']);
  });
});

describe('generic reader: a note’s title bar of parts spaced with &nbsp;', () => {
  const note = (title: string, sectionTag: string) => `<div class="doc">
    <div>${title} &nbsp;&nbsp; | &nbsp;&nbsp; Cardiology &nbsp;&nbsp; | &nbsp;&nbsp; Status: Signed</div>
    <${sectionTag}>Reason for Consultation</${sectionTag}><p>New atrial fibrillation.</p>
    <${sectionTag}>Assessment and Recommendations</${sectionTag}><p>Rate control; anticoagulate.</p>
    <${sectionTag}>Follow-up</${sectionTag}><p>Clinic in 2 weeks.</p>
    <p>Electronically signed by Theo Marchetti, MD on 11/21/2026 at 16:05</p></div>`;

  it('opens one note at the title, its headings its sections, the last one before the signature too', () => {
    for (const [title, tag] of [['<b>Consultation Note</b>', 'h3'], ['<strong>Cardiology Consult</strong>', 'h2'], ['<span class="t">Consultation</span>', 'h4']] as const) {
      const s = read(note(title, tag));
      expect(documentsOf(s), title).toEqual([['consultation', title.replace(/<[^>]+>/g, ''), 'signed']]);
      expect(s.documents[0]!.sections.map((x) => x.title), title).toEqual(expect.arrayContaining(['Reason for Consultation', 'Assessment and Recommendations', 'Follow-up']));
    }
  });

  it('still opens a second note at a heading of its own after the first was signed', () => {
    const s = read(`${note('<b>Consultation Note</b>', 'h3')}<h3>Procedure Note</h3><p>TEE performed.</p><p>Signature pending</p>`);
    expect(documentsOf(s).map(([kind]) => kind)).toEqual(['consultation', 'procedure-note']);
  });

  it('does not take a labelled sentence that names a study for a title', () => {
    const s = read(`${note('<b>Consultation Note</b>', 'h3').replace('<p>New atrial fibrillation.</p>',
      '<p><b>Chest pain on arrival:</b> troponin flat; CT angiogram chest negative for dissection.</p>')}`);
    expect(documentsOf(s)).toEqual([['consultation', 'Consultation Note', 'signed']]);
  });
});

describe('generic reader: a signature’s time on the line below it', () => {
  for (const below of ['on: 11/21/2026 16:05', 'At 11/21/2026 16:05', 'Date/Time: 11/21/2026 16:05']) {
    it(`reads "${below}" as the time of the signature above`, () => {
      const s = read(`<h2>Progress Note</h2><pre>Stable overnight.\n\nElectronically Signed by: Marchetti, Theo MD\n${below}</pre>`);
      const sig = s.documents[0]!.signature;
      expect([sig.status, sig.signer?.name.value, sig.signedAt?.iso]).toEqual(['signed', 'Marchetti, Theo', '2026-11-21T16:05']);
    });
  }

  it('leaves a date in the note’s text alone when no signature is just above it', () => {
    const s = read(`<h2>Progress Note</h2><pre>Electronically Signed by: Marchetti, Theo MD\nPlan reviewed with the patient.\non: 11/21/2026 16:05</pre>`);
    expect(s.documents[0]!.signature.signedAt).toBeUndefined();
  });
});
