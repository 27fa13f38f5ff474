// Status and long-term drug therapy codes (status.ts, status-codes.json): each guideline
// condition with a case that gives the code and a variant worded differently, and the cases
// where the guideline says no code. Every entry of status-codes.json is checked for its shape.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/codes/suggest/data-check.ts';
import statusJson from '../../../../src/codes/suggest/status-codes.json';
import { entryPhrases, loadStatusEntries, statusEntryProblem } from '../../../../src/codes/suggest/status.ts';
import { chart, codesFor, full } from './chart.ts';

const status = (sections: [string, string][], kind = 'inpatient') => codesFor(chart(sections, kind)).filter((c) => /^(Z|F17)/.test(c));

describe.skipIf(!full)('long-term insulin Z79.4 (Section I.C.4.a.3)', () => {
  it.each([
    ['type 2 diabetes, home insulin glargine', [['Assessment', 'Type 2 diabetes mellitus.'], ['Home medications', 'Insulin glargine 20 units at bedtime.']]],
    ['variant: brand name, T2DM abbreviation', [['Assessment', 'T2DM, A1c 8.1.'], ['Medications', 'Lantus 30 units subcut nightly; Humalog with meals.']]],
  ])('%s → Z79.4', (_, sections) => {
    expect(status(sections as [string, string][])).toContain('Z79.4');
  });

  it.each([
    ['type 1 diabetes on insulin', [['Assessment', 'Type 1 diabetes mellitus.'], ['Home medications', 'Insulin lispro via pump.']]],
    ['variant: "T1DM", basal insulin', [['Assessment', 'T1DM since childhood, on pump.'], ['Medications', 'Insulin glargine 12 units daily.']]],
  ])('not with type 1 diabetes: %s', (_, sections) => {
    expect(status(sections as [string, string][])).not.toContain('Z79.4');
  });

  it.each([
    ['sliding scale while inpatient', [['Assessment', 'Type 2 diabetes with hyperglycemia on steroids.'], ['Medications', 'Insulin lispro sliding scale while inpatient.']]],
    ['variant: correction scale during the stay', [['Assessment', 'T2DM.'], ['Medications', 'Correction scale insulin during hospitalization only.']]],
  ])('not for temporary insulin: %s', (_, sections) => {
    expect(status(sections as [string, string][])).not.toContain('Z79.4');
  });

  it('insulin with an oral agent gives both Z79.4 and Z79.84', () => {
    expect(status([['Assessment', 'Type 2 diabetes.'], ['Home medications', 'Lantus 22 units nightly; metformin 1000 mg BID.']])).toEqual(expect.arrayContaining(['Z79.4', 'Z79.84']));
  });

  it('a GLP-1 agonist is an injectable non-insulin antidiabetic (Z79.85), not insulin', () => {
    const codes = status([['Assessment', 'Type 2 diabetes.'], ['Medications', 'Ozempic (semaglutide) 1 mg weekly.']]);
    expect(codes).toContain('Z79.85');
    expect(codes).not.toContain('Z79.4');
  });
});

describe.skipIf(!full)('other long-term drugs (Section I.C.21.c.3)', () => {
  it.each([
    ['apixaban', 'Z79.01', 'Apixaban 5 mg BID.'],
    ['variant: Eliquis', 'Z79.01', 'Eliquis 5 mg twice daily.'],
    ['aspirin 81 mg', 'Z79.82', 'Aspirin 81 mg daily.'],
    ['variant: ASA', 'Z79.82', 'ASA 81 mg PO daily.'],
    ['clopidogrel', 'Z79.02', 'Clopidogrel 75 mg daily.'],
    ['variant: Plavix', 'Z79.02', 'Plavix 75 mg once a day.'],
  ])('%s → %s', (_, code, meds) => {
    expect(status([['Assessment', 'Atrial fibrillation.'], ['Home medications', meds]])).toContain(code);
  });

  it.each([
    ['prophylactic enoxaparin', 'Z79.01', 'Enoxaparin 40 mg daily for DVT prophylaxis.'],
    ['variant: heparin subcutaneous ppx', 'Z79.01', 'Heparin 5000 units SC q8h ppx.'],
    ['a single aspirin load in the ED', 'Z79.82', 'Aspirin 325 mg x1 given in ED.'],
    ['variant: chewed aspirin', 'Z79.82', 'Aspirin 324 mg chewed.'],
  ])('not for %s (%s)', (_, code, meds) => {
    expect(status([['Assessment', 'Chest pain.'], ['Medications', meds]])).not.toContain(code);
  });

  it('a stopped drug is not current', () => {
    expect(status([['Assessment', 'Atrial fibrillation.'], ['Home medications', 'Warfarin - discontinued last month.']])).not.toContain('Z79.01');
  });
});

describe.skipIf(!full)('tobacco: current dependence F17.210 versus former use Z87.891 (Section I.C.5.b, I.C.21.c.4)', () => {
  it.each([
    ['former smoker', 'Z87.891', 'Former smoker, quit 2014.'],
    ['variant: quit smoking', 'Z87.891', 'Quit smoking in 2009, 20 pack-years.'],
    ['current smoker', 'F17.210', 'Current every day smoker, 1 ppd.'],
    ['variant: smokes cigarettes', 'F17.210', 'Smokes cigarettes, half a pack per day.'],
  ])('%s → %s', (_, code, text) => {
    expect(status([['Social history', text]])).toContain(code);
  });

  it.each([
    ['never smoker', 'Never smoker. Drinks socially.'],
    ['variant: non-smoker', 'Non-smoker, no alcohol.'],
  ])('no tobacco code for a %s', (_, text) => {
    expect(status([['Social history', text]])).toEqual([]);
  });

  it('current dependence and the history code never go together', () => {
    const codes = status([['Social history', 'Current smoker, 1 ppd. Former heavy smoker in his 30s.']]);
    expect(codes).toContain('F17.210');
    expect(codes).not.toContain('Z87.891');
  });
});

describe.skipIf(!full)('long-term drug classes added for issue 12 (Section I.C.21.c.3)', () => {
  it.each([
    ['anastrozole', 'Z79.811'],
    ['tamoxifen', 'Z79.810'],
    ['alendronate weekly', 'Z79.83'],
    ['adalimumab 40 mg every 2 weeks', 'Z79.620'],
    ['tacrolimus', 'Z79.621'],
    ['tofacitinib', 'Z79.622'],
    ['mycophenolate mofetil', 'Z79.624'],
    ['methotrexate 15 mg weekly', 'Z79.631'],
    ['Biktarvy daily', 'Z79.899'],
  ])('%s → %s', (drug, code) => {
    expect(status([['Medications', drug]], 'outpatient')).toContain(code);
  });
});

describe.skipIf(!full)('statuses', () => {
  it.each([
    ['ESRD on hemodialysis', 'Z99.2', [['Assessment', 'ESRD on hemodialysis MWF.']]],
    ['variant: HD via a fistula with CKD 5', 'Z99.2', [['Assessment', 'CKD stage 5.'], ['Past medical history', 'On HD via left arm fistula.']]],
    ['DNR', 'Z66', [['Code status', 'DNR.']]],
    ['variant: do not resuscitate', 'Z66', [['Assessment', 'Do not resuscitate order in place.']]],
    ['home oxygen', 'Z99.81', [['Past medical history', 'COPD on home oxygen 2 L.']]],
    ['variant: supplemental oxygen at home', 'Z99.81', [['Social history', 'Uses supplemental oxygen at home, 2 L.']]],
  ])('%s → %s', (_, code, sections) => {
    expect(status(sections as [string, string][])).toContain(code);
  });

  it.each([
    ['dialysis started for AKI', 'Z99.2', [['Assessment', 'Acute kidney injury, emergent dialysis started.']]],
    ['DNR discussed, full code', 'Z66', [['Code status', 'DNR discussed; patient wishes to remain full code.']]],
    ['oxygen not continued at discharge', 'Z99.81', [['Hospital course', 'Weaned to room air; not discharged on oxygen.']]],
    ['vaccine declined', 'Z23', [['Assessment', 'Influenza vaccine offered, declined.']]],
    ['stent placed this admission', 'Z95.5', [['Hospital course', 'Cardiac catheterization: drug-eluting stent placed today to the mid LAD.']]],
    ['insulin pump only considered', 'Z96.41', [['Assessment', 'Type 1 diabetes, candidate for an insulin pump.']]],
  ])('no status for %s (%s)', (_, code, sections) => {
    expect(status(sections as [string, string][])).not.toContain(code);
  });

  it.each([
    ['a previous coronary stent', 'Z95.5', [['Past medical history', 'CAD s/p drug-eluting stent to the circumflex (2022).']]],
    ['an insulin pump', 'Z96.41', [['Assessment', 'Type 1 diabetes on insulin pump with automated insulin delivery.']]],
    ['a vaccine given at the visit', 'Z23', [['Assessment', 'Health maintenance: influenza vaccine given today.']]],
  ])('%s → %s', (_, code, sections) => {
    expect(status(sections as [string, string][])).toContain(code);
  });

  it('a device or joint dated inside the stay is its procedure, not a status; dated before it, a status', () => {
    const stay = (date: string) =>
      codesFor({
        encounter: { kind: 'inpatient', admittedAt: '11/08/2026', dischargedAt: '11/11/2026' },
        documents: [{ kind: 'discharge-summary', title: 'Discharge Summary', sections: [{ title: 'Principal diagnosis', text: `Primary osteoarthritis of the right knee, s/p right TKA ${date}.` }] }],
      });
    expect(stay('11/09/2026')).not.toContain('Z96.651');
    expect(stay('03/02/2019')).toContain('Z96.651');
  });
});

describe('status-codes.json entries', () => {
  const raw = statusJson as unknown as { drugs: unknown[]; statuses: unknown[] };

  it('every entry is well formed and has words to find', () => {
    const { drugs, statuses, problems } = loadStatusEntries();
    expect(problems.map(formatProblem)).toEqual([]);
    expect(drugs.length + statuses.length).toBe(raw.drugs.length + raw.statuses.length);
    for (const entry of [...drugs, ...statuses]) expect(entryPhrases(entry).length, entry.id).toBeGreaterThan(0);
  });

  it('a malformed entry is reported with its file, line and entry, and the others still load', () => {
    const broken = { ...(statusJson as object), drugs: [raw.drugs[0], { id: 'bad', code: 'long-term', guideline: 'x', names: ['thing'] }, raw.drugs[1]] };
    const text = JSON.stringify(broken, null, 1);
    const { drugs, problems } = loadStatusEntries(broken as never, 'status-codes.json', text);
    expect(drugs.map((d) => d.id)).toEqual([(raw.drugs[0] as { id: string }).id, (raw.drugs[1] as { id: string }).id]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'status-codes.json', pointer: '/drugs/1' });
    expect(problems[0]?.line).toBe(text.split('\n').findIndex((l) => l.includes('"bad"')));
    expect(formatProblem(problems[0]!)).toMatch(/^status-codes\.json:\d+: "code" "long-term" is not an ICD-10-CM code \(\/drugs\/1\)$/);
  });

  it.each([
    [{ id: 'x', code: 'Z79.01', guideline: 'g' }, 'no "names", "phrases" or "templates"'],
    [{ id: 'x', code: 'Z79.01', guideline: 'g', names: ['a'], notWith: { prefixes: 'E10' } }, '"notWith" / "onlyWith" need "prefixes" and "why"'],
    [{ code: 'Z79.01', guideline: 'g', names: ['a'] }, 'missing "id"'],
    ['Z79.01', 'an entry must be an object'],
  ])('entry %j: %s', (entry, message) => {
    expect(statusEntryProblem(entry)).toBe(message);
  });
});
