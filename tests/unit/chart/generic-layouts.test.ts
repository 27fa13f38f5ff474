import { describe, expect, it } from 'vitest';
import { generic } from '../../../src/chart/adapters/generic.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { loadHtml } from './load-page.ts';

/**
 * The generic reader on small synthetic layouts, one pattern each, written in no corpus page's
 * markup: what each pattern must give, so a change to one reader part shows where it broke.
 */
const NOW = '2026-11-24T12:00:00Z';
function read(body: string, head = ''): ChartSnapshot {
  const url = 'http://ehr.example.test/chart';
  return extractFromDom({ document: loadHtml(`<html><head>${head}</head><body>${body}</body></html>`, url), url, now: NOW }, [generic]);
}
const docs = (s: ChartSnapshot) => s.documents.map((d) => [d.title.value, d.kind, d.signature.status]);

describe('generic reader patterns', () => {
  it('drops zero-width and bidi characters from what it reads', () => {
    const s = read('<div>Patient: \u202eROE\u202c\u200b, JA\u200dNE · MRN: 00\u200b42\ufeff42 · DOB: 02/03/1961</div>');
    expect(s.patient.name?.value).toBe('ROE, JANE');
    expect(s.patient.mrn?.value).toBe('004242');
  });

  it('reads a note viewer whose style sheet keeps the text lines (white-space: pre-wrap)', () => {
    const s = read(
      '<div class="note-text">NOTE TYPE: Progress Note\nAUTHOR: KIM,ANNA\nSTATUS: UNSIGNED\n\nS: feels better\nA/P: continue</div>',
      '<style>.toolbar { color: red } .note-text { white-space: pre-wrap; font-family: monospace }</style>',
    );
    expect(docs(s)).toEqual([['Progress Note', 'progress-note', 'unsigned']]);
    expect(s.documents[0]!.author?.name.value).toBe('KIM, ANNA');
  });

  it('makes one document of a notes-grid row and the same note open in the reader pane', () => {
    const s = read(`
      <table><thead><tr><th>Service Date</th><th>Note Type</th><th>Title</th><th>Author</th><th>Status</th></tr></thead>
        <tbody><tr><td>03/02/2026 08:10</td><td>Progress Notes</td><td>Cardiology Follow-up Note</td><td>Ruiz, Ana, MD</td><td>Signed</td></tr>
        <tr><td>03/01/2026 19:00</td><td>Consults</td><td>Nephrology Consult</td><td>Obi, Sam, DO</td><td>Pended</td></tr></tbody></table>
      <section><div><b>Progress Notes</b></div><div class="body">Cardiology Follow-up Note<br>Euvolemic today.<br>Electronically signed by Ana Ruiz, MD on 03/02/2026 at 08:40</div></section>`);
    expect(docs(s)).toEqual([
      ['Cardiology Follow-up Note', 'progress-note', 'signed'],
      ['Nephrology Consult', 'consultation', 'pended'],
    ]);
    expect(s.documents[0]!.signature.signedAt?.iso).toBe('2026-03-02T08:40');
    expect(s.documents[1]!.signature.statusOnly).toBe(true);
  });

  it('reads notes shown as repeated cards, with the status chip of each', () => {
    const card = (title: string, chip: string, who: string) =>
      `<div class="c-card"><div class="c-top"><span>${title}</span><span class="chip">${chip}</span></div><div>${who} · Medicine</div><div>Mar 3, 2026 7:15 AM</div><div>Plan discussed with the patient at the bedside.</div></div>`;
    const s = read(`<div class="c-list">${card('Progress Note', 'Signed', 'Lee Park, MD')}${card('Discharge Summary', 'Draft', 'Ivo Tan, NP')}</div>`);
    expect(docs(s)).toEqual([
      ['Progress Note', 'progress-note', 'signed'],
      ['Discharge Summary', 'discharge-summary', 'pended'],
    ]);
    expect(s.documents.map((d) => d.author?.name.value)).toEqual(['Lee Park', 'Ivo Tan']);
  });

  it('reads an order table whose source column is explained by a legend beside it', () => {
    const s = read(`
      <table><tr><td><b>Date</b></td><td><b>Order</b></td><td><b>Src</b></td><td><b>Ordering Dr</b></td><td><b>Auth</b></td></tr>
        <tr><td>03/01/26 2210</td><td>FUROSEMIDE 40 MG IV ONCE</td><td>T</td><td>OKAFOR,SAM MD</td><td>*UNAUTHENTICATED*</td></tr>
        <tr><td>03/01/26 2230</td><td>CBC WITH DIFF</td><td>E</td><td>OKAFOR,SAM MD</td><td>ELEC 03/01/26 2230</td></tr></table>
      <div>SRC: E=ELECTRONIC   T=TELEPHONE   V=VERBAL</div>`);
    expect(s.orders.map((o) => [o.kind, o.signature.status])).toEqual([['telephone', 'unsigned'], ['electronic', 'signed']]);
  });

  it('reads diagnoses written as code lines and as an uncoded list', () => {
    const s = read(`<div>Diagnoses:<br>I50.33&nbsp;&nbsp;&nbsp;Acute on chronic diastolic heart failure<br>Mixed hyperlipidemia [E78.2]</div>
      <p>DISCHARGE DIAGNOSES:</p><p>1. Community acquired pneumonia</p><p>2. Hypokalemia, repleted</p>`);
    expect(s.diagnoses.map((d) => d.code?.code ?? d.text.value)).toEqual(['I50.33', 'E78.2', 'Community acquired pneumonia', 'Hypokalemia, repleted']);
  });

  it('says the read was incomplete where chart text was read into no document', () => {
    const prose = 'The patient reports intermittent chest discomfort radiating to the left arm over two days. '.repeat(6);
    const s = read(`<div>Patient: Roe, Jane · MRN: 42 · DOB: 02/03/1961</div><div>${prose}</div>`);
    expect(s.coverage?.complete).toBe(false);
    expect(s.coverage?.unassigned.blocks).toBe(1);
  });
  it('reads a note-tree leaf: title up to its date, status, then the author after a dash', () => {
    const s = read(`<ul role="tree"><li role="treeitem">Clinical Notes<ul>
      <li role="treeitem">History and Physical 05/12/2026 01:35 CDT Auth (Verified) - Vanterpool MD, Gideon</li>
      <li role="treeitem">Progress Note 13-May-2026 0910 In Progress</li>
      <li role="treeitem">Consultation Note 2026-05-13 14:20 Modified – Okafor DO, Samuel</li></ul></li></ul>`);
    expect(s.documents.map((d) => [d.title.value, d.author?.name.value])).toEqual([['History and Physical', 'Vanterpool, Gideon'], ['Progress Note', undefined], ['Consultation Note', 'Okafor, Samuel']]);
  });

  it('takes an aligned label\u2019s value across the gap, and not the next label', () => {
    const s = read(`<pre>Document Type:        Discharge Summary
Author:               Lindqvist, Petra MD
Status:               Signed
${'The patient was admitted with community acquired pneumonia and improved on antibiotics. '.repeat(3)}</pre>`);
    expect(s.documents[0]?.title.value).toBe('Discharge Summary');
    expect(read('<p>DOB:      MRN: 4820193</p>').patient.mrn?.value).toBe('4820193');
  });

  it('reads the time (and the signer) written inside an authentication cell', () => {
    const s = read(`<table><tr><th>Order</th><th>Type</th><th>Ordered By</th><th>Authenticated</th></tr>
      <tr><td>METOPROLOL 25 MG PO BID</td><td>V.O.</td><td>Brandt, Lena MD</td><td>10/03/26 2142 Brandt</td></tr>
      <tr><td>POTASSIUM CHLORIDE 20 MEQ PO ONCE</td><td>T.O.</td><td>Brandt, Lena MD</td><td>Signed Sep 14, 2026 3:33 AM</td></tr></table>`);
    expect(s.orders.map((o) => [o.signature.status, o.signature.signedAt?.iso?.slice(0, 16), o.signature.signer?.name.value])).toEqual([
      ['signed', '2026-10-03T21:42', 'Brandt'],
      ['signed', '2026-09-14T03:33', undefined],
    ]);
  });

  it('reads a code set apart in its own element at the end of a diagnosis line', () => {
    const s = read(`<h3>Diagnoses</h3><ul><li>Pneumonia of left lower lobe <span class="code">J18.9</span></li><li>Hemoglobin A1C <span class="lab">A1C</span></li></ul>`);
    expect(s.diagnoses.map((d) => [d.code?.code, d.text.value])).toContainEqual(['J18.9', 'Pneumonia of left lower lobe']);
    expect(s.diagnoses.some((d) => d.code?.code === 'A1C')).toBe(false);
  });
});
