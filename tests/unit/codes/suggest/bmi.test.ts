// BMI codes (bmi.ts, bmi.json): Z68.- for an adult only beside a documented associated condition
// (obesity, malnutrition, ...; Section I.B.14, I.C.21.c.3), never on the value alone. Each case
// with a variant worded differently.
import { describe, expect, it } from 'vitest';
import { normalizeCode } from '../../../../src/codes/code-format.ts';
import { bmiCode } from '../../../../src/codes/suggest/bmi.ts';
import { chart, codesFor, full, suggestFor } from './chart.ts';

const adult = { patient: { dob: '03/14/1960' } };
const codes = (sections: [string, string][], extra: Record<string, unknown> = adult) => codesFor(chart(sections, 'outpatient', extra));

describe('BMI value to code', () => {
  it.each([
    [16.4, 'Z68.1'],
    [19.9, 'Z68.1'],
    [20, 'Z68.20'],
    [31.2, 'Z68.31'],
    [39.9, 'Z68.39'],
    [40, 'Z68.41'],
    [42.3, 'Z68.41'],
    [45, 'Z68.42'],
    [72, 'Z68.45'],
  ])('BMI %d → %s', (value, code) => {
    expect(bmiCode(value)).toBe(normalizeCode(code));
  });
});

describe.skipIf(!full)('BMI only with an associated condition (I.B.14)', () => {
  it.each([
    ['morbid obesity', [['Vitals', 'BMI 42.3'], ['Assessment', 'Morbid obesity.']], 'Z68.41'],
    ['variant: severe obesity, BMI written as "body mass index of"', [['Exam', 'Body mass index of 41.0 kg/m2.'], ['Assessment', 'Severe obesity, counseled on diet.']], 'Z68.41'],
    ['severe malnutrition', [['Vitals', 'BMI: 16.4'], ['Assessment', 'Severe protein-calorie malnutrition.']], 'Z68.1'],
    ['variant: moderate malnutrition', [['Nutrition', 'BMI is 17.8.'], ['Assessment', 'Moderate malnutrition per dietitian.']], 'Z68.1'],
  ])('%s → %s', (_, sections, code) => {
    expect(codes(sections as [string, string][])).toContain(code);
  });

  it.each([
    ['BMI 31.2 with no weight diagnosis', [['Vitals', 'BMI 31.2'], ['Assessment', 'Acute bronchitis.']]],
    ['variant: BMI 33 with hypertension only', [['Vitals', 'Wt 101 kg, BMI 33.0'], ['Assessment', 'Hypertension, controlled.']]],
    ['obesity denied by the provider', [['Vitals', 'BMI 30.4'], ['Assessment', 'No obesity-related concerns. Hypertension.']]],
  ])('no BMI code: %s', (_, sections) => {
    expect(codes(sections as [string, string][]).filter((c) => c.startsWith('Z68'))).toEqual([]);
  });

  it('a child gets no adult BMI code', () => {
    expect(codes([['Vitals', 'BMI 31.0'], ['Assessment', 'Obesity.']], { patient: { dob: '03/14/2015' } }).filter((c) => c.startsWith('Z68'))).toEqual([]);
  });

  it('the reason names the associated condition and the guideline', () => {
    const s = suggestFor(chart([['Vitals', 'BMI 42.3'], ['Assessment', 'Morbid obesity.']], 'outpatient', adult)).find((x) => x.code === 'Z68.41');
    expect(s?.reason).toMatch(/E66\.01.*Section I\.B\.14/);
  });
});
