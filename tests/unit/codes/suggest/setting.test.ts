// The setting (setting.ts) and what it changes: uncertain diagnoses coded as established for an
// inpatient stay (Section II.H, III.C), the signs and symptoms instead for a visit (IV.H,
// symptoms.ts), conditions resolved during a stay coded for it (III); negated, family,
// hypothetical and copied-forward-then-excluded mentions never coded in either. Each behaviour
// with a variant worded differently.
import { describe, expect, it } from 'vitest';
import { isInpatient, resolvedInStay } from '../../../../src/codes/suggest/setting.ts';
import type { Mention } from '../../../../src/codes/suggest/types.ts';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';
import { chart, codesFor, full, suggestFor } from './chart.ts';

describe('which guidelines apply', () => {
  const docs = (kind: string, title: string) => [{ kind, title, sections: [] }];
  it.each([
    ['encounter kind inpatient', { encounter: { kind: 'inpatient' } }, true],
    ['encounter kind outpatient', { encounter: { kind: 'outpatient' } }, false],
    ['encounter kind emergency (Section IV applies to ED visits)', { encounter: { kind: 'emergency' } }, false],
    ['encounter kind observation', { encounter: { kind: 'observation' } }, false],
    ['no kind, a discharge summary', { documents: docs('discharge-summary', 'Discharge Summary') }, true],
    ['no kind, an admission time', { encounter: { admittedAt: '01/10/2026 08:00' } }, true],
    ['no kind, an ED provider note with an arrival time', { encounter: { admittedAt: '01/10/2026 08:00' }, documents: docs('progress-note', 'Emergency Department Provider Note') }, false],
    ['variant: "ED Physician Record"', { documents: docs('progress-note', 'ED Physician Record') }, false],
    ['an ED note and a discharge summary: admitted through the ED', { documents: [...docs('progress-note', 'ED Provider Note'), ...docs('discharge-summary', 'Discharge Summary')] }, true],
    ['no kind, an office note', { documents: docs('progress-note', 'Office Visit') }, false],
  ])('%s → inpatient %s', (_, c, inpatient) => {
    expect(isInpatient(snapshotFromCase(c))).toBe(inpatient);
  });
});

describe.skipIf(!full)('uncertain diagnoses', () => {
  it.each([
    ['probable pneumonia', 'Probable pneumonia, start ceftriaxone.', 'J18.9'],
    ['variant: likely UTI', 'Likely urinary tract infection; urine culture sent.', 'N39.0'],
    ['variant: suspected, still at discharge', 'Suspected pulmonary embolism, treated empirically.', 'I26.99'],
  ])('inpatient: %s is coded as if established (II.H)', (_, text, code) => {
    const s = suggestFor(chart([['Assessment', text]], 'inpatient')).find((x) => x.code === code);
    expect(s?.reason).toContain('Section II.H');
  });

  it.each([
    ['suspected pneumonia with cough and fever', [['Chief complaint', 'Cough and fever for 4 days.'], ['Assessment', 'Suspected community-acquired pneumonia; CXR ordered.']], ['R05.9', 'R50.9'], 'J18.9'],
    ['variant: rule out UTI with dysuria', [['HPI', 'Dysuria for 2 days.'], ['Assessment', 'Rule out urinary tract infection, culture pending.']], ['R30.0'], 'N39.0'],
  ])('outpatient: %s → the symptoms, not the diagnosis (IV.H)', (_, sections, symptoms, diagnosis) => {
    const got = codesFor(chart(sections as [string, string][], 'outpatient'));
    expect(got).toEqual(expect.arrayContaining(symptoms));
    expect(got).not.toContain(diagnosis);
  });

  it.each([
    ['snoring before "suspected OSA"', 'Snoring with witnessed apneas - suspected OSA; sleep study ordered.', 'R06.83', 'G47.33'],
    ['variant: wheezing, "possible asthma"', 'Wheezing at night, possible asthma.', 'R06.2', 'J45.909'],
  ])('outpatient: the symptoms stated in the uncertain diagnosis\'s own sentence: %s', (_, text, symptom, diagnosis) => {
    const got = codesFor(chart([['Assessment', text]], 'outpatient'));
    expect(got).toContain(symptom);
    expect(got).not.toContain(diagnosis);
  });

  it('a symptom stated with its established diagnosis is not coded (I.B.5)', () => {
    expect(codesFor(chart([['Assessment', 'Cough and fever from community-acquired pneumonia.']], 'outpatient'))).toEqual(['J18.9']);
  });

  it.each([
    ['later excluded by a test in the note\'s other sections', [[['Assessment', 'Rule out PE given tachycardia; CTA ordered.']], [['Update', 'CTA chest negative for pulmonary embolism.']]]],
    ['variant: excluded in the same note', [[['Assessment', 'Possible pulmonary embolism.'], ['Results', 'CT angiogram: no pulmonary embolism.']]]],
  ])('inpatient: a suspicion %s is not coded', (_, notes) => {
    expect(codesFor(chart(notes as [string, string][][], 'inpatient'))).not.toContain('I26.99');
  });

  it('a suspicion stays coded for an inpatient when only the notes before it excluded it', () => {
    const c = chart([[['Results', 'CTA negative for pulmonary embolism.']], [['Assessment', 'Possible pulmonary embolism, treat empirically.']]], 'inpatient');
    expect(codesFor(c)).toContain('I26.99');
  });
});

describe.skipIf(!full)('never coded as current: negated, family, hypothetical', () => {
  it.each([
    ['negated', 'No evidence of pneumonia on chest x-ray.'],
    ['variant: denies', 'Denies chest pain; no heart failure.'],
    ['ruled out after the fact', 'Pulmonary embolism ruled out by CTA.'],
    ['family history', 'Family history of breast cancer in her mother.'],
    ['variant: a relative', 'Brother with abdominal aortic aneurysm repair.'],
    ['hypothetical', 'If creatinine rises, will treat as acute kidney injury.'],
    ['variant: prophylaxis', 'DVT prophylaxis with enoxaparin.'],
  ])('%s: %s', (_, text) => {
    for (const kind of ['inpatient', 'outpatient']) expect(codesFor(chart([['Assessment', text]], kind)).filter((c) => !c.startsWith('Z'))).toEqual([]);
  });
});

describe('resolved during the stay', () => {
  const m = (trigger: string, tier: 0 | 1 | 2): Mention => ({ code: 'E871', phrase: 'Hyponatremia', source: { text: '' }, where: '', context: 'historical', trigger, at: { tier, time: 0, dated: true, seq: 0, group: 'g' } });

  it.each([
    ['the discharge diagnoses', 'resolved', 2, 'affirmed'],
    ['variant: a note of the stay, "now resolved"', 'now resolved', 1, 'affirmed'],
    ['a chart list (before the stay)', 'resolved', 0, 'historical'],
    ['"history of" in a note', 'history of', 1, 'historical'],
  ])('inpatient, %s: %s → %s', (_, trigger, tier, context) => {
    expect(resolvedInStay([m(trigger, tier as 0 | 1 | 2)], true)[0]?.context).toBe(context);
  });

  it('a visit keeps it historical', () => {
    expect(resolvedInStay([m('resolved', 2)], false)[0]?.context).toBe('historical');
  });

  it.skipIf(!full)('hyponatremia resolved with fluids at discharge is coded for the stay', () => {
    const c = { encounter: { kind: 'inpatient' }, documents: [{ kind: 'discharge-summary', title: 'Discharge Summary', sections: [{ title: 'Discharge diagnoses', text: 'Hyponatremia, resolved with IV fluids.' }] }] };
    expect(codesFor(c)).toContain('E87.1');
  });
});
