import { describe, expect, it } from 'vitest';
import { generic } from '../../../src/chart/adapters/generic.ts';
import { parseSignatureLine } from '../../../src/chart/dom/signature-line.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { loadHtml } from './load-page.ts';

/**
 * Authentication as other EHRs print it, each case written in no corpus page's markup or
 * wording: the general reason behind a false alarm or a miss, so the next EHR reads right too.
 */
const NOW = '2026-11-24T12:00:00Z';
function read(body: string, head = ''): ChartSnapshot {
  const url = 'http://ehr.example.test/chart';
  return extractFromDom({ document: loadHtml(`<html><head>${head}</head><body>${body}</body></html>`, url), url, now: NOW }, [generic]);
}
const at = (text: string) => parseSignatureLine(text, { text })?.signedAt?.iso;
const orderAuth = (s: ChartSnapshot) => s.orders.map((o) => [o.kind, o.signature.status, o.signature.signedAt?.iso]);

describe('generic reader: authentication wordings', () => {
  it('reads a 24-hour time after "at" and one that ends a sentence', () => {
    expect(at('Signed: Dana Cole, RN on 2026-03-11 at 0745')).toBe('2026-03-11T07:45');
    expect(at('Approved by Omar Haddad, MD 3/11/26 1820. No changes.')).toBe('2026-03-11T18:20');
  });

  it('drops an attestation sentence and reads the signer printed after it', () => {
    const s = parseSignatureLine('Electronic Signature: I attest that the above is accurate and complete. Mira Solis, LPN 03/02/2026 10:15', { text: '' });
    expect([s?.status, s?.signer?.name.value, s?.signer?.credentials?.value, s?.signedAt?.iso]).toEqual(['signed', 'Mira Solis', 'LPN', '2026-03-02T10:15']);
  });

  it('reads a co-signature marked required as still due, keeping the primary signature’s time', () => {
    const s = read(`<h2>Progress Note</h2><div>Stable, plan unchanged.</div>
      <div>Electronically signed: Pat Kim, NP 03/02/2026 1410<br>Attending co-signature: REQUIRED – not yet cosigned (Vo, Lan MD)</div>`);
    const sig = s.documents[0]!.signature;
    expect([sig.status, sig.signer?.name.value, sig.signedAt?.iso, sig.cosigner]).toEqual(['needs-cosignature', 'Pat Kim', '2026-03-02T14:10', undefined]);
  });

  it('reads who co-signed and when from one header value', () => {
    const s = read(`<article><h2>Consultation</h2><dl><dt>Author</dt><dd>Lu Chen, NP</dd><dt>Signed</dt><dd>03/02/2026 07:10</dd>
      <dt>Cosigned by</dt><dd>Omar Haddad, DO – 03/02/2026 08:10</dd></dl><p>Seen and examined.</p></article>`);
    const sig = s.documents[0]!.signature;
    expect([sig.cosigner?.name.value, sig.cosignedAt?.iso]).toEqual(['Omar Haddad', '2026-03-02T08:10']);
  });

  it('takes a signature that names no one as the documenting author’s', () => {
    const s = read(`<article><h2>Wound Care Note</h2><dl><dt>Wound</dt><dd>Sacral stage 2, clean</dd>
      <dt>Documented by</dt><dd>Rhea Mont</dd><dt>Signed</dt><dd>03/02/2026 11:20</dd></dl></article>`);
    const sig = s.documents[0]!.signature;
    expect([sig.status, sig.signer?.name.value, sig.signer?.credentials, sig.signedAt?.iso]).toEqual(['signed', 'Rhea Mont', undefined, '2026-03-02T11:20']);
  });

  it('reads a legend of status words as no signature', () => {
    expect(parseSignatureLine('Prelim = dictated, not yet signed · Final = signed by the radiologist · Void = entered in error', { text: '' })).toBeUndefined();
  });

  it('reads a documents-tree leaf whose status sits between its date and its author', () => {
    const s = read(`<ul role="tree"><li role="treeitem">Therapy<ul><li role="treeitem">OT Re-evaluation 2026-03-02 14:20 Unverified - Osei OTR/L, Ama</li></ul></li></ul>`);
    expect(s.documents.map((d) => [d.title.value, d.signature.status, d.author?.name.value])).toEqual([['OT Re-evaluation', 'unsigned', 'Osei, Ama']]);
  });

  it('reads a policy naming a role ("by the charting nurse") as no signature', () => {
    expect(parseSignatureLine('Entries are authenticated by the charting nurse at the time of entry.', { text: '' })).toBeUndefined();
    expect(parseSignatureLine('Signed by ordering provider 03/02/2026 10:15', { text: '' })?.status).toBe('signed');
  });
});

describe('generic reader: order authentication columns', () => {
  it('reads an authentication column named for the practitioner', () => {
    const s = read(`<h3>Active Orders</h3><table><thead><tr><th>Order</th><th>Mode</th><th>Date</th><th>Practitioner Sign-off</th></tr></thead><tbody>
      <tr><td>Cefazolin 2 g IV q8h</td><td>Phone</td><td>2026-03-01 21:10</td><td>2026-03-02 08:05 Iris Vance, DO</td></tr>
      <tr><td>Lorazepam 1 mg IV once</td><td>Verbal</td><td>2026-03-01 23:40</td><td>&mdash;</td></tr></tbody></table>`);
    expect(orderAuth(s)).toEqual([['telephone', 'signed', '2026-03-02T08:05'], ['verbal', 'unsigned', undefined]]);
  });

  it('reads a header that joins two columns by its first part', () => {
    const s = read(`<table><tr><th>When</th><th>Order</th><th>Mode / taken by</th><th>Doctor's signature / Date / Time</th></tr>
      <tr><td>3/1/26 0630</td><td>NPO after midnight</td><td>T.O. Dr. Lund / K. Moss LPN</td><td>P. Lund DO 3/1/26 0915</td></tr>
      <tr><td>3/1/26 2215</td><td>Tylenol 650 mg PO q6h prn</td><td>V.O. Dr. Lund / K. Moss LPN</td><td></td></tr></table>`);
    expect(orderAuth(s)).toEqual([['telephone', 'signed', '2026-03-01T09:15'], ['verbal', 'unsigned', undefined]]);
  });

  it('reads an authentication cell that only says the order was sent for signature as unsigned', () => {
    const s = read(`<table aria-label="Physician orders"><thead><tr><th>Order</th><th>Order Type</th><th>Received</th><th>Physician</th><th>Physician Signature</th></tr></thead><tbody>
      <tr><td>Wound culture, left heel</td><td>Telephone Order</td><td>03/04/2026 09:05</td><td>Ada Park, MD</td><td>– (faxed 03/04/2026 09:30)</td></tr>
      <tr><td>Walker, front-wheeled</td><td>Verbal Order</td><td>03/01/2026 10:00</td><td>Ada Park, MD</td><td>Signed 03/02/2026 08:31 via portal</td></tr></tbody></table>`);
    expect(s.orders.map((o) => [o.kind, o.orderedAt?.iso, o.signature.status, o.signature.signedAt?.iso])).toEqual([
      ['telephone', '2026-03-04T09:05', 'unsigned', undefined],
      ['verbal', '2026-03-01T10:00', 'signed', '2026-03-02T08:31'],
    ]);
  });

  it('reads orders shown as cards, not as documents', () => {
    const card = (drug: string, mode: string, sig: string) => `<article class="ocard"><h4>${drug}</h4><p>Start 03/02/2026 06:00</p>
      <dl><dt>Ordering mode</dt><dd>${mode}</dd><dt>Ordered by</dt><dd>Kim, Lee, DO</dd><dt>Signature</dt><dd>${sig}</dd></dl></article>`;
    const s = read(`${card('Heparin 5,000 units SC q8h', 'Telephone', 'Awaiting signature')}${card('Acetaminophen 650 mg PO q6h', 'Verbal', 'Signed by Kim, Lee, DO 03/02/2026 09:40')}`);
    expect(s.documents).toEqual([]);
    expect(orderAuth(s)).toEqual([['telephone', 'unsigned', undefined], ['verbal', 'signed', '2026-03-02T09:40']]);
    expect(s.orders[0]?.orderedAt?.iso).toBe('2026-03-02T06:00');
  });

  it('reads when a written order was received', () => {
    const s = read(`<table><thead><tr><th>Type</th><th>Item</th><th>Status</th></tr></thead><tbody>
      <tr><td>Order</td><td>TO: ceftriaxone 1 g IV daily rcvd 03/02/2026 01:40 by Pike, RN</td><td>Open</td></tr></tbody></table>`);
    expect(s.orders[0]?.orderedAt?.iso).toBe('2026-03-02T01:40');
  });
});

describe('generic reader: what is not what it looks like', () => {
  it('reads "acute" in a visit type as the visit\u2019s urgency, not an inpatient stay', () => {
    const s = read('<table><tr><th>Visit type</th><td>New patient - acute</td><th>Date</th><td>03/02/2026</td></tr></table>');
    expect(s.encounter?.kind).toBe('outpatient');
  });

  it('never takes a clinician with credentials for the patient', () => {
    const s = read('<div>Case 4471 · Resident: Dana Ko, DO (PGY-2)</div><div><span>Lowe, Harriet</span> <span>MRN 5540912</span></div>');
    expect(s.patient.name?.value).toBe('Lowe, Harriet');
  });

  it('reads a frequency after a label as no code, and a code that ends the entry as one', () => {
    const s = read('<div>Neuro checks: Q15 min x 4, then hourly</div><div>Admitting dx: Hypertension - I10</div>');
    expect(s.diagnoses.map((d) => d.code?.code)).toEqual(['I10']);
  });

  it('gives a page listing several patients\u2019 charts no one encounter', () => {
    const s = read(`<table><thead><tr><th>Patient</th><th>MRN</th><th>Admitted</th><th>Deficiency</th></tr></thead><tbody>
      <tr><td>ROE, ANN</td><td>5512001</td><td>03/01/2026</td><td>Sign H&amp;P</td></tr>
      <tr><td>DOE, SAM</td><td>5512877</td><td>02/20/2026</td><td>Dictate discharge summary</td></tr></tbody></table>
      <div>Adm 03/01/2026 · Attending: Lee, Pat MD</div>`);
    expect(s.encounter).toBeUndefined();
  });
});

describe('generic reader: dictated and styled layouts', () => {
  it('reads labels run on in one dictated line as sections and header fields', () => {
    const s = read(`<h2>Operative Report</h2><div>SURGEON: Ines Marr, MD. ASSISTANT: Tom Reyes, PA-C.<br>
      FINDINGS: Inflamed appendix, no perforation.<br>EBL: 10 mL. SPECIMEN: Appendix to pathology. DRAINS: None.<br>
      Electronically signed by Ines Marr, MD on 03/02/2026 at 14:05</div>`);
    const doc = s.documents[0]!;
    expect(doc.author?.name.value).toBe('Ines Marr');
    expect(doc.sections.map((x) => x.title)).toEqual(expect.arrayContaining(['FINDINGS', 'EBL', 'SPECIMEN', 'DRAINS']));
  });

  it('starts a new document at a sub-heading naming another kind of document', () => {
    const s = read(`<h1>Office Visit</h1><h2>Subjective</h2><p>Warts on left hand for 3 months.</p>
      <h2>Procedure Note: Cryotherapy of Warts</h2><p>Liquid nitrogen, 2 freeze-thaw cycles, 3 lesions.</p>
      <p>Electronically signed by Rosa Lind, NP on 03/02/2026 11:05</p>`);
    expect(s.documents.map((d) => [d.title.value, d.kind])).toEqual([['Office Visit', 'progress-note'], ['Procedure Note: Cryotherapy of Warts', 'procedure-note']]);
  });

  it('reads a document\u2019s identifier line whose labels are followed by a space only', () => {
    const s = read(`<article><h2>Progress Note</h2><div>Omar K. Haddad \u00b7 MRN QX-55120 \u00b7 DOB 1958-11-02 \u00b7 Visit 88</div><p>Stable.</p></article>`);
    const ids = s.documents[0]!.identifiers;
    expect([ids.name?.value, ids.mrn?.value, ids.dob?.value]).toEqual(['Omar K. Haddad', 'QX-55120', '1958-11-02']);
  });

  it('reads a status saying the attending\u2019s co-signature is awaited', () => {
    const s = read(`<article><h2>Discharge Summary</h2><p>Home today.</p><p>Electronically signed: Ana Ruiz, MD (PGY-2) 03/02/2026 1410</p>
      <dl><dt>Status</dt><dd>Awaiting supervising cosignature</dd></dl></article>`);
    expect(s.documents[0]!.signature.status).toBe('needs-cosignature');
  });

  it('reads the rows of an index table as listed documents without a body', () => {
    const s = read(`<table><tr><td>1</td><td>PROGRESS NOTE</td><td>03/02/26 0810</td><td>Lee,Ann MD</td><td>SIGNED</td></tr>
      <tr><td>2</td><td>DISCHARGE SUMMARY</td><td>03/03/26 1000</td><td>Lee,Ann MD</td><td>SIGNED</td></tr></table>`);
    expect(s.documents.map((d) => [d.title.value, d.sections.filter((x) => x.text.trim() !== '').length])).toEqual([['PROGRESS NOTE', 0], ['DISCHARGE SUMMARY', 0]]);
  });

  it('takes a title bar made bold by the page\u2019s style sheet as a note\u2019s title, without its gapped qualifier', () => {
    const s = read(
      `<div class="pane"><div class="nbar">Discharge Summary&nbsp;&nbsp;&nbsp;[Scanned]</div><div>Hospital course uneventful.<br>Electronically signed by Ada Park, MD 03/04/2026 16:00</div></div>
       <div class="pane"><div class="nbar">Progress Note</div><div>Doing well.<br>Electronically signed by Ada Park, MD 03/03/2026 09:00</div></div>`,
      '<style>.pane .nbar { font-weight: 700; background: #123 }</style>',
    );
    expect(s.documents.map((d) => [d.title.value, d.kind])).toEqual([['Discharge Summary', 'discharge-summary'], ['Progress Note', 'progress-note']]);
  });
});
