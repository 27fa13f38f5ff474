// The likely principal (inpatient, Section II) or first-listed (outpatient, IV.G) diagnosis
// (principal.ts): where the provider states it first (discharge diagnoses, else the admitting
// note), then the conventions: a combination before the codes it stands for, sepsis before its
// localized infection (I.C.1.d.4), never a status, history or R65.2- code, never a "code also"
// combination over the condition chiefly responsible. Each with a variant worded differently.
import { describe, expect, it } from 'vitest';
import { full, suggestFor } from './chart.ts';

const stay = (notes: { title: string; kind?: string; at?: string; sections: [string, string][] }[], diagnoses: object[] = []) => ({
  encounter: { kind: 'inpatient' },
  documents: notes.map((n) => ({ kind: n.kind ?? 'progress-note', title: n.title, ...(n.at ? { createdAt: n.at } : {}), sections: n.sections.map(([title, text]) => ({ title, text })) })),
  diagnoses,
});
const principalOf = (c: object) => suggestFor(c).filter((s) => s.sequence).map((s) => [s.code, s.sequence?.role]);

describe.skipIf(!full)('likely principal diagnosis', () => {
  it.each([
    ['the first discharge diagnosis', [{ title: 'Discharge Summary', kind: 'discharge-summary', sections: [['Discharge diagnoses', '1. Acute kidney injury.\n2. Hypokalemia.']] as [string, string][] }], 'N17.9'],
    ['variant: "Final diagnoses", written after the course', [{ title: 'Discharge Summary', kind: 'discharge-summary', sections: [['Hospital course', 'Treated with fluids.'], ['Final diagnoses', 'Community-acquired pneumonia; hyponatremia.']] as [string, string][] }], 'J18.9'],
    ['without discharge diagnoses, the admitting assessment', [{ title: 'H&P', kind: 'history-and-physical', at: '01/10/2026 08:00', sections: [['Assessment', 'Acute pancreatitis. Hypertension.']] as [string, string][] }, { title: 'Progress Note', at: '01/11/2026 08:00', sections: [['Assessment', 'Hypertension. Acute pancreatitis improving.']] as [string, string][] }], 'K85.90'],
  ])('%s', (_, notes, code) => {
    expect(principalOf(stay(notes))).toEqual([[code, 'principal']]);
  });

  it.each([
    ['heart failure with hypertension and CKD: the combination', 'Acute on chronic systolic heart failure. Hypertension. CKD stage 3b.', 'I13.0'],
    ['variant: diabetes with CKD named second', 'Type 2 diabetes. Chronic kidney disease stage 4.', 'E11.22'],
  ])('%s goes first', (_, text, code) => {
    expect(principalOf(stay([{ title: 'Discharge Summary', kind: 'discharge-summary', sections: [['Discharge diagnoses', text]] }]))).toEqual([[code, 'principal']]);
  });

  it.each([
    ['sepsis due to pneumonia', 'Pneumonia with sepsis.', 'A41.9'],
    ['variant: the organism named by the pneumonia', 'Sepsis secondary to pneumococcal pneumonia.', 'A40.3'],
  ])('%s: sepsis before its localized infection (I.C.1.d.4)', (_, text, code) => {
    expect(principalOf(stay([{ title: 'Discharge Summary', kind: 'discharge-summary', sections: [['Discharge diagnoses', text]] }]))).toEqual([[code, 'principal']]);
  });

  it('COPD with pneumonia: J44.0 is a "code also" combination, the pneumonia stays principal', () => {
    const c = stay([{ title: 'Discharge Summary', kind: 'discharge-summary', sections: [['Principal', 'Pneumonia due to Klebsiella pneumoniae.'], ['Secondary', 'COPD, not in exacerbation.']] }]);
    expect(principalOf(c)).toEqual([['J15.0', 'principal']]);
    expect(suggestFor(c).map((s) => s.code)).toContain('J44.0');
  });

  it.each([
    ['a diagnoses list read as one run of text: the one written first', 'Acute on chronic respiratory failure with hypoxia Chronic diastolic heart failure Hypertension', 'J96.21'],
    ['variant: the cancer written after the embolism', 'Pulmonary embolism with acute cor pulmonale Adenocarcinoma of the sigmoid colon', 'I26.09'],
  ])('%s', (_, text, code) => {
    expect(principalOf(stay([{ title: 'Discharge Summary', kind: 'discharge-summary', sections: [['Discharge diagnoses', text]] }]))).toEqual([[code, 'principal']]);
  });

  it('a combination stands first only for the parts it replaces or requires (E11.51 not over a foot ulcer stated first)', () => {
    const visit = { encounter: { kind: 'outpatient' }, documents: [{ kind: 'progress-note', title: 'Wound Clinic Note', sections: [{ title: 'Assessment', text: 'Diabetic foot ulcer, right plantar forefoot.\nPeripheral arterial disease.' }] }] };
    expect(principalOf(visit)).toEqual([['E11.621', 'first-listed']]);
    expect(suggestFor(visit).map((s) => s.code)).toContain('E11.51');
  });

  it('a factor code the MCE accepts as principal may be first-listed (Z21); status codes never', () => {
    const visit = { encounter: { kind: 'outpatient' }, documents: [{ kind: 'progress-note', title: 'Clinic Note', sections: [{ title: 'Assessment', text: 'Asymptomatic HIV infection, virally suppressed. Mixed hyperlipidemia. Long-term aspirin.' }] }] };
    expect(principalOf(visit)).toEqual([['Z21', 'first-listed']]);
  });

  it('severe sepsis, status and history codes are never principal', () => {
    const c = stay([{ title: 'Discharge Summary', kind: 'discharge-summary', sections: [['Discharge diagnoses', 'Severe sepsis. History of DVT. DNR.']] }]);
    expect(principalOf(c)).toEqual([['A41.9', 'principal']]);
  });

  it('a coded principal that no suggestion replaces: nothing is marked', () => {
    const c = stay([{ title: 'Progress Note', sections: [['Assessment', 'Acute kidney injury.']] }], [{ code: { system: 'ICD-10-CM', code: 'J18.9' }, text: 'Pneumonia', role: 'principal' }]);
    expect(principalOf(c)).toEqual([]);
  });

  it('variant: a coded unspecified principal replaced by the documented specific code', () => {
    const c = stay([{ title: 'Progress Note', sections: [['Assessment', 'Acute on chronic diastolic heart failure.']] }], [{ code: { system: 'ICD-10-CM', code: 'I50.9' }, text: 'Heart failure', role: 'principal' }]);
    expect(principalOf(c)).toEqual([['I50.33', 'principal']]);
  });

  it('a visit: the first-listed diagnosis (IV.G), a symptom only when no diagnosis is established', () => {
    const visit = (text: string) => ({ encounter: { kind: 'outpatient' }, documents: [{ kind: 'progress-note', title: 'Office Visit', sections: [{ title: 'Chief complaint', text: 'Cough.' }, { title: 'Assessment', text }] }] });
    expect(principalOf(visit('Acute bronchitis. Hypertension.'))).toEqual([['J20.9', 'first-listed']]);
    expect(principalOf(visit('Possible pneumonia, CXR ordered.'))).toEqual([['R05.9', 'first-listed']]);
  });
});
