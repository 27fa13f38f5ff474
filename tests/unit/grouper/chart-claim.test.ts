// The claim an inpatient chart gives the grouper: from coded diagnoses or the coding form,
// with the accepted codes, and each assumption named.
import { describe, expect, it } from 'vitest';
import { emptySnapshot, type ChartSnapshot, type CodedItem, type FormState } from '../../../src/chart/snapshot.ts';
import { claimFromChart } from '../../../src/grouper/chart-claim.ts';

const ref = { text: '' };
const field = (value: string, iso?: string) => ({ value, source: ref, ...(iso ? { iso } : {}) });
const form = (label: string, value: string): FormState => ({ id: label, label, value, required: false, control: 'text', source: ref });
const dx = (code: string, role: string, poa?: string): CodedItem => ({ id: code, text: field(code), code: { system: 'ICD-10-CM', code }, role, source: ref, ...(poa ? { poa } : {}) });

function chart(over: Partial<ChartSnapshot>): ChartSnapshot {
  return { ...emptySnapshot('test', '2026-11-24T12:00:00Z'), encounter: { kind: 'inpatient', admittedAt: field('11/20/2026', '2026-11-20T14:32') }, ...over };
}

describe('the claim of an inpatient chart', () => {
  it('takes principal and secondaries from the coding form, the admitting field as the admitting diagnosis, and says what it assumed', () => {
    const result = claimFromChart(chart({ forms: [form('Principal diagnosis (ICD-10-CM)', 'I50.23'), form('Secondary diagnoses', 'E11.22, n18.31, I10'), form('Admitting diagnosis (ICD-10-CM)', 'R06.00')] }), []);
    expect(result).toEqual({
      claim: { id: 'working', age: 65, sex: 'U', dischargeStatus: '01', admitDate: '2026-11-20', dischargeDate: '2026-11-24', pdx: { code: 'I5023', poa: 'Y' }, sdx: [{ code: 'E1122', poa: 'Y' }, { code: 'N1831', poa: 'Y' }, { code: 'I10', poa: 'Y' }], procedures: [], admitDx: 'R0600' },
      assumed: [
        'present on admission (Y) where the chart gives no POA indicator',
        'discharge on 2026-11-24 (not discharged yet)',
        'age 65 (no date of birth read)',
        'sex unknown (U)',
        'discharge status 01, home or self care (none on the chart)',
      ],
    });
  });

  it('prefers coded claim diagnoses with their POA, reads age, sex, discharge date and status, and ICD-10-PCS procedures', () => {
    const result = claimFromChart(
      chart({
        patient: { dob: field('07/02/1949', '1949-07-02'), sex: field('Male') },
        encounter: { kind: 'inpatient', admittedAt: field('', '2026-11-18T22:10'), dischargedAt: field('', '2026-11-23T11:00') },
        diagnoses: [dx('I10', 'secondary', 'Y'), dx('J18.9', 'principal', 'Y'), dx('L89.154', 'secondary', 'N'), dx('E11.9', 'problem')],
        procedures: [{ id: 'p', text: field('bronchoscopy'), code: { system: 'ICD-10-PCS', code: '0BJ08ZZ' }, source: ref }],
        forms: [form('Discharge disposition', 'Expired')],
      }),
      [],
    );
    expect(result).toMatchObject({
      claim: { age: 77, sex: 'M', dischargeStatus: '20', dischargeDate: '2026-11-23', pdx: { code: 'J189', poa: 'Y' }, sdx: [{ code: 'I10', poa: 'Y' }, { code: 'L89154', poa: 'N' }], procedures: ['0BJ08ZZ'] },
      assumed: [],
    });
  });

  it('adds accepted codes, in place of those they replace (the principal too), once each', () => {
    const base = chart({ forms: [form('Principal diagnosis', 'J18.9'), form('Secondary diagnoses', 'I50.9, I10')] });
    const result = claimFromChart(base, [
      { system: 'ICD-10-CM', code: 'J96.01' },
      { system: 'ICD-10-CM', code: 'I11.0', replaces: ['I10'] },
      { system: 'ICD-10-CM', code: 'J15.1', replaces: ['J18.9'] },
      { system: 'ICD-10-CM', code: 'I50.9' },
      { system: 'ICD-10-PCS', code: '5A1935Z' },
      { system: 'SNOMED CT', code: '233604007' },
    ]);
    expect('claim' in result && result.claim).toMatchObject({ pdx: { code: 'J151' }, sdx: [{ code: 'I509' }, { code: 'J9601' }, { code: 'I110' }], procedures: ['5A1935Z'] });
  });

  it('gives none for a chart that is not inpatient or names no principal diagnosis', () => {
    expect(claimFromChart(chart({ encounter: { kind: 'outpatient' } }), [])).toEqual({ reason: 'the chart is not an inpatient stay' });
    expect(claimFromChart(chart({ diagnoses: [dx('I10', 'problem')] }), [])).toEqual({ reason: 'the chart names no principal diagnosis (ICD-10-CM)' });
  });
});
