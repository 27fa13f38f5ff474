import { describe, expect, it } from 'vitest';
import { generic } from '../../../src/chart/adapters/generic.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { loadHtml } from './load-page.ts';

/**
 * Patient banners and visit strips as EHRs print them, each with a variant worded or marked up
 * another way: labels as their own elements, chips, unlabelled classes and dates, two-digit
 * years. Written in no corpus page's markup.
 */
const NOW = '2026-11-24T12:00:00Z';
function read(body: string): ChartSnapshot {
  const url = 'http://ehr.example.test/chart';
  return extractFromDom({ document: loadHtml(`<html><body>${body}</body></html>`, url), url, now: NOW }, [generic]);
}
const stay = (s: ChartSnapshot) => [s.encounter?.kind, s.encounter?.admittedAt?.iso?.slice(0, 16), s.encounter?.dischargedAt?.iso?.slice(0, 16)];
const who = (s: ChartSnapshot) => [s.patient.name?.value, s.patient.mrn?.value, s.patient.dob?.iso];

describe('encounter printed in a banner without labels', () => {
  it.each([
    ['class then bracketed stay', '<div>Inpatient [05/11/2026 22:50 - 05/15/2026 12:30]</div>', ['inpatient', '2026-05-11T22:50', '2026-05-15T12:30']],
    ['class, then an open stay', '<div>Inpatient [05/11/2026 22:50 - &lt;No - Discharge date&gt;]</div>', ['inpatient', '2026-05-11T22:50', undefined]],
    ['a lead word and a labelled admission', '<div>Enc Inpatient · Adm 08/03/2026 22:14 · Rm 412-B</div>', ['inpatient', '2026-08-03T22:14', undefined]],
    ['an outpatient visit and its date', '<div>Office Visit — 07/15/2026</div>', ['outpatient', '2026-07-15', undefined]],
    ['a unit, then the class', '<div>4 West Medical - Inpatient - Admitted Sep 12, 2026 7:40 PM</div>', ['inpatient', '2026-09-12T19:40', undefined]],
    ['chips of a strip', '<div><span>OBS</span><span>Adm 03/02/2026 0610</span><span>Bed 7</span></div>', ['observation', '2026-03-02T06:10', undefined]],
  ])('%s', (_what, banner, expected) => {
    expect(stay(read(`${banner}<p>Patient: Roe, Jane   MRN: 1234567</p>`))).toEqual(expected);
  });

  it('a class word inside a longer phrase is not a visit class', () => {
    expect(read('<nav><a>Ambulatory Organizer</a> <a>Inpatient Census Report</a></nav><p>Patient: Roe, Jane</p>').encounter?.kind).toBeUndefined();
  });

  it('two lower-case letters are a word, not a class abbreviation', () => {
    expect(read('<div>Height · 64 · in</div><p>Patient: Roe, Jane</p>').encounter?.kind).toBeUndefined();
    expect(read('<div>Visit · IN · 05/11/2026 22:50</div><p>Patient: Roe, Jane</p>').encounter?.kind).toBe('inpatient');
  });

  it('a note header line does not speak for the stay', () => {
    const s = read(`<p>Patient: Roe, Jane   MRN: 1234567</p>
      <article><h2>Progress Note</h2><div>Office Visit — 07/15/2026</div><p>${'Seen today for follow-up of chronic conditions. '.repeat(4)}</p></article>`);
    expect(s.encounter?.kind).toBeUndefined();
  });
});

describe('labels and values as separate elements', () => {
  it('reads a strip that alternates label and value elements', () => {
    const s = read(`<div class="bar"><span class="k">Name</span><span>Okafor, Ngozi</span><span class="k">MRN</span><span>M00583317</span><span class="k">DOB</span><span><time>1961-02-03</time></span></div>
      <div><span class="k">Type</span><span>Inpatient</span><span class="k">Admitted</span><span><time>Sep 14, 2026 3:25 AM</time></span></div>`);
    expect(who(s)).toEqual(['Okafor, Ngozi', 'M00583317', '1961-02-03']);
    expect(stay(s).slice(0, 2)).toEqual(['inpatient', '2026-09-14T03:25']);
  });

  it('reads chips whose label element starts the chip', () => {
    const s = read(`<div class="chips"><span><b>MRN</b>M00583317</span><span><b>DOB:</b> 02/03/1961</span><span><b>Sex</b>F</span></div><h1>Okafor, Ngozi</h1>`);
    expect(who(s).slice(1)).toEqual(['M00583317', '1961-02-03']);
  });

  it('reads the chosen option of a labelled select, not every option', () => {
    const s = read(`<p>Patient: Roe, Jane   MRN: 1234567</p><div><label>Patient Class</label><select><option>Outpatient</option><option selected>Inpatient</option></select></div>`);
    expect(s.encounter?.kind).toBe('inpatient');
  });

  it('stops where the children stop alternating: prose is not a pair', () => {
    const s = read(`<p>Patient: Roe, Jane   MRN: 1234567</p><p>History obtained from <span>patient</span> and <span>daughter</span>, who reports no falls.</p>`);
    expect(s.patient.name?.value).toBe('Roe, Jane');
  });
});

describe('dates of the stay', () => {
  it('prefers the admission with a time to the same day without one', () => {
    const s = read(`<div>Patient: Roe, Jane · MRN: 1234567 · Adm: 5/18/2026</div><table><tr><td>Admit Date:</td><td>5/18/2026 4:52 PM</td></tr></table>`);
    expect(s.encounter?.admittedAt?.iso?.slice(0, 16)).toBe('2026-05-18T16:52');
  });

  it('takes an ED arrival, then a date of service, as the start when no admission is printed', () => {
    expect(read('<div>Patient: Roe, Jane · MRN: 1234567 · Arrival: 04/06/2026 21:40</div>').encounter?.admittedAt?.iso?.slice(0, 16)).toBe('2026-04-06T21:40');
    expect(read('<div>Patient: Roe, Jane · MRN: 1234567 · Date of Service: 06-Apr-2026</div>').encounter?.admittedAt?.iso?.slice(0, 10)).toBe('2026-04-06');
  });

  it('puts a two-digit birth year in the past', () => {
    expect(read('<div>Patient: Roe, Jane · MRN: 1234567 · DOB: 11/30/51</div>').patient.dob?.iso).toBe('1951-11-30');
    expect(read('<div>Patient: Roe, Jane · MRN: 1234567 · DOB: 11/30/08</div>').patient.dob?.iso).toBe('2008-11-30');
  });
});

describe('a name printed given-name first', () => {
  it('reads it alone on its line above the identifiers', () => {
    const s = read('<header><div>Nadia K. Ferreira-Lund</div><div>74 y.o. F · DOB: 03/14/1952 · MRN: 88120455</div></header>');
    expect(s.patient.name?.value).toBe('Nadia K. Ferreira-Lund');
  });

  it('does not take a facility or a page title for a name', () => {
    const s = read('<header><div>Riverside Medical Center</div><div>74 y.o. F · DOB: 03/14/1952 · MRN: 88120455</div></header>');
    expect(s.patient.name).toBeUndefined();
  });
});
