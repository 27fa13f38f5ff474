// Coding conventions the suggester applies beyond single phrases, each with a case and a variant
// worded differently: the organism of sepsis named by its localized infection (I.C.1.d.1.a),
// "with" combinations (I.A.15: COPD with lower respiratory infection, ulcer with hemorrhage,
// hypertension with heart failure documented outside the diagnosis list), the documented type of
// diabetes for a complication written without one (I.C.4.a.2), and headings inside a section's
// text (printed and plain-text notes).
import { describe, expect, it } from 'vitest';
import { applyCombinations } from '../../../../src/codes/suggest/combinations.ts';
import { isHeading, splitHeaded } from '../../../../src/codes/suggest/passages.ts';
import { chart, codesFor, full, suggestFor } from './chart.ts';

const dx = (text: string, kind = 'inpatient') => codesFor(chart([['Assessment', text]], kind));

describe.skipIf(!full)('sepsis named by the organism of its localized infection (I.C.1.d.1.a)', () => {
  it.each([
    ['Sepsis secondary to pneumococcal pneumonia.', 'A40.3', 'J13'],
    ['variant: Probable sepsis due to Klebsiella pneumonia.', 'A41.59', 'J15.0'],
    ['variant: Sepsis from E. coli pneumonia.', 'A41.51', 'J15.5'],
  ])('%s → %s with %s', (text, sepsis, infection) => {
    const got = dx(text.replace(/^variant: /, ''));
    expect(got).toEqual(expect.arrayContaining([sepsis, infection]));
    expect(got).not.toContain('A41.9');
  });

  it('an organism stated in another sentence does not name the sepsis', () => {
    expect(dx('Sepsis. Separately, pneumococcal pneumonia treated last year resolved.')).toContain('A41.9');
  });

  it('the reason quotes the infection that names the organism', () => {
    expect(suggestFor(chart([['Assessment', 'Sepsis due to pneumococcal pneumonia.']])).find((s) => s.code === 'A40.3')?.reason).toContain('Index: Sepsis, by organism');
  });
});

describe('combinations table', () => {
  it.each([
    [['J449', 'J13'], ['J440']],
    [['J441', 'J189'], ['J440']],
    [['K269', 'K922'], ['K264']],
    [['K259', 'K921'], ['K254']],
  ])('%j → %j', (codes, combined) => {
    expect(applyCombinations(codes).map((a) => a.code)).toEqual(combined);
  });

  it('a condition documented only outside the diagnosis statements completes a combination, never makes one alone', () => {
    expect(applyCombinations(['I10', 'N1832'], undefined, ['I5020']).map((a) => a.code)).toEqual(['I130']);
    expect(applyCombinations([], undefined, ['I10', 'I5020'])).toEqual([]);
  });

  it('an exclusive combination completed by a supporting code consumes it: I12.0, not also I12.9', () => {
    expect(applyCombinations(['N186'], undefined, ['I10']).map((a) => a.code)).toEqual(['I120']);
  });
});

describe.skipIf(!full)('combinations in charts', () => {
  it.each([
    ['COPD with pneumococcal pneumonia', 'Pneumococcal pneumonia in a patient with COPD.', ['J44.0', 'J13'], 'J44.9'],
    ['variant: COPD and bronchopneumonia on separate lines', 'COPD.\nBronchopneumonia.', ['J44.0', 'J18.0'], 'J44.9'],
    ['GI bleed from a duodenal ulcer', 'Upper GI bleed from duodenal bulb ulcer.', ['K26.4'], 'K92.2'],
    ['variant: gastric ulcer with melena', 'Gastric ulcer. Melena.', ['K25.4'], 'K92.1'],
  ])('%s', (_, text, codes, not) => {
    const got = dx(text);
    expect(got).toEqual(expect.arrayContaining(codes));
    expect(got).not.toContain(not);
  });

  it.each([
    ['heart failure in the HPI', [['HPI', '74M with HFrEF presents with dyspnea.'], ['Discharge diagnoses', 'Hypertension. CKD stage 3b.']]],
    ['variant: heart failure in the past history', [['Past medical history', 'Chronic diastolic heart failure; HTN.'], ['Assessment', 'Hypertension. Chronic kidney disease stage 4.']]],
  ])('never I10 or I12.9 when heart failure is documented elsewhere: %s', (_, sections) => {
    const got = codesFor(chart(sections as [string, string][]));
    expect(got).toContain('I13.0');
    expect(got).not.toContain('I12.9');
    expect(got).not.toContain('I10');
  });
});

describe.skipIf(!full)('the documented type of diabetes (I.C.4.a.2)', () => {
  it.each([
    ['DKA beside type 1 diabetes', '24M with type 1 DM admitted with diabetic ketoacidosis.', 'E10.10', 'E11.10'],
    ['variant: DKA on its own line', 'T1DM.\nDKA, anion gap closed.', 'E10.10', 'E11.10'],
    ['DKA alone: the type 2 default', 'Diabetic ketoacidosis, insulin drip.', 'E11.10', 'E10.10'],
  ])('%s → %s', (_, text, code, not) => {
    const got = dx(text);
    expect(got).toContain(code);
    expect(got).not.toContain(not);
  });

  it('a complication written with type 2 keeps it even beside type 1 wording elsewhere', () => {
    expect(dx('Type 2 diabetes with hyperglycemia. Type 1 DM in brother.')).toContain('E11.65');
  });
});

describe('headings inside a section\'s text', () => {
  const section = (text: string) => ({ title: 'Note', text, source: { text: '' } });

  it.each([
    ['Final Diagnoses', true],
    ['*** DISCHARGE DIAGNOSES ***', true],
    ['PMH', true],
    ['Hospital Course', true],
    ['Disposition', true],
    ['Hypertension', false],
    ['1. Sepsis', false],
    ['Plan', false],
  ])('%s is a heading: %s', (line, heading) => {
    expect(isHeading(line.replace(/\*/g, ''))).toBe(heading);
  });

  it('cuts a printed note at its heading lines, the text before keeping the section title', () => {
    const parts = splitHeaded(section('Seen today.\nFinal Diagnoses\nPneumonia\nHospital Course\nTreated with antibiotics.'));
    expect(parts.map((p) => [p.title, p.text])).toEqual([
      ['Note', 'Seen today.'],
      ['Final Diagnoses', 'Pneumonia'],
      ['Hospital Course', 'Treated with antibiotics.'],
    ]);
  });

  it('variant: headings before a colon at the start of a line, and decorated headings', () => {
    const parts = splitHeaded(section('*** DISCHARGE DIAGNOSES ***\nSepsis.\nPMH: CAD, HTN.\nSOCIAL: never smoker.'));
    expect(parts.map((p) => [p.title, p.text])).toEqual([
      ['DISCHARGE DIAGNOSES', 'Sepsis.'],
      ['PMH', 'CAD, HTN.'],
      ['SOCIAL', 'never smoker.'],
    ]);
  });

  it('a section without headings is returned as it is', () => {
    const s = section('Hypertension: continue lisinopril.\nPlan: follow up.');
    expect(splitHeaded(s)).toEqual([s]);
  });

  it.skipIf(!full)('a plain-text discharge summary read as one block gives its diagnoses, not its history', () => {
    const got = codesFor({
      encounter: { kind: 'inpatient' },
      documents: [{ kind: 'discharge-summary', title: 'Discharge Summary', sections: [{ title: 'Location', text: '3E\nDischarge Diagnoses\n1. Hyponatremia.\nFamily History\nMother with breast cancer.' }] }],
    });
    expect(got).toEqual(['E87.1']);
  });
});

describe.skipIf(!full)('diabetes "with" combinations added for issue 12 (I.A.15, I.C.4.a)', () => {
  it.each([
    ['Type 2 diabetes. Hypoglycemia, level 2 (< 54 mg/dL).', ['E11.649', 'E16.A2']],
    ['variant: Type 1 diabetes with recurrent nocturnal hypoglycemia, level 2.', ['E10.649', 'E16.A2']],
    ['Type 1 diabetes. Diabetic polyneuropathy.', ['E10.42']],
  ])('%s → %j', (text, codes) => {
    expect(dx(text.replace(/^variant: /, ''), 'outpatient').sort()).toEqual([...codes].sort());
  });

  it('a complication in the history takes the documented type: no type 2 combination beside type 1', () => {
    const c = chart([['History of present illness', 'Known diabetic retinopathy.'], ['Assessment', 'Type 1 diabetes with hypoglycemia, level 2.']], 'outpatient');
    expect(codesFor(c)).not.toContain('E11.649');
  });
});

describe.skipIf(!full)('codes that give way or describe another (gives-way.json)', () => {
  it.each([
    ['Morbid obesity with obesity hypoventilation syndrome.', 'E66.2', 'E66.01'],
    ['variant: Metastatic disease to liver.', 'C78.7', 'C79.9'],
    ['Asymptomatic HIV infection. HIV disease with prior PCP pneumonia.', 'B20', 'Z21'],
    ['Old MI (NSTEMI 2018).', 'I25.2', 'I21.4'],
  ])('%s → %s, not %s', (text, code, not) => {
    const got = dx(text.replace(/^variant: /, ''));
    expect(got).toContain(code);
    expect(got).not.toContain(not);
  });

  it('a current NSTEMI in its own sentence beside an old MI stays', () => {
    expect(dx('NSTEMI, type 1. Old MI in 2015.')).toEqual(expect.arrayContaining(['I21.4', 'I25.2']));
  });
});

describe.skipIf(!full)('coded entries marked refuted are not diagnoses', () => {
  it('a FHIR Condition refuted (read as status "negated") gives no code; an active one does', () => {
    const c = (status: string) => ({ encounter: { kind: 'inpatient' }, documents: [], diagnoses: [{ text: 'Pneumonia', role: 'encounter', status }] });
    expect(codesFor(c('negated'))).toEqual([]);
    expect(codesFor(c('refuted'))).toEqual([]);
    expect(codesFor(c('active'))).toEqual(['J18.9']);
  });
});

describe.skipIf(!full)('injuries of the initial encounter: the 7th character A only for active care (Section I.C.19.a)', () => {
  it('a stay or an emergency visit: added; an office visit: a query to confirm active treatment', () => {
    const text = 'Closed displaced Colles fracture, right wrist.';
    expect(dx(text, 'inpatient')).toContain('S52.531A');
    const office = suggestFor(chart([['Assessment', text]], 'outpatient')).find((s) => s.code === 'S52.531A');
    expect([office?.kind, office?.action]).toEqual(['query', 'review']);
    const ed = { encounter: { kind: 'outpatient' }, documents: [{ kind: 'other', title: 'Emergency Department Provider Note', sections: [{ title: 'Assessment', text }] }] };
    expect(codesFor(ed)).toContain('S52.531A');
  });

  it('a deficit of an acute stroke is coded beside it, not dropped as integral', () => {
    const c = { encounter: { kind: 'inpatient' }, documents: [{ kind: 'discharge-summary', title: 'Discharge Summary', sections: [{ title: 'Discharge diagnoses', text: 'Acute ischemic stroke, left MCA territory, cardioembolic, with expressive aphasia and oropharyngeal dysphagia.' }] }] };
    expect(codesFor(c)).toEqual(expect.arrayContaining(['I63.412', 'R47.01', 'R13.12']));
  });

  it('a hemiparesis of a past stroke is its sequela, not G81', () => {
    expect(dx('Left hemiparesis following cerebral infarction.')).not.toContain('G81.92');
  });
});

describe.skipIf(!full)('thrombolysis at another facility (Z92.82)', () => {
  it('with the acute stroke documented', () => {
    expect(codesFor(chart([['Assessment', 'Acute ischemic stroke, left MCA territory, cardioembolic.'], ['Hospital course', 's/p IV alteplase at outside hospital within 24 h prior to transfer.']]))).toContain('Z92.82');
  });

  it('never without it', () => {
    expect(codesFor(chart([['Hospital course', 'Received tPA at outside hospital for chest pain workup.']]))).not.toContain('Z92.82');
  });
});

describe.skipIf(!full)('specificity from the notes and from the patient (I.B.2, I.B.18)', () => {
  it('an unspecified diagnosis takes the one more specific code the history documents', () => {
    const c = chart([['History of present illness', 'Invasive ductal carcinoma of the left breast, upper outer quadrant, diagnosed 2024.'], ['Assessment', 'Left breast IDC - continue anastrozole.']], 'outpatient');
    expect(codesFor(c)).toContain('C50.412');
    expect(codesFor(c)).not.toContain('C50.912');
  });

  it('a male patient: the male breast code', () => {
    const c = chart([['Assessment', 'Left breast cancer.']], 'outpatient', { patient: { sex: { value: 'male', source: { text: 'male' } } } });
    expect(codesFor(c)).toContain('C50.922');
  });
});
