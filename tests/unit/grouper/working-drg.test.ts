// The working DRG and its what-if from a hand-made table set (no ../shared needed): each
// suggestion, query and CC/MCC finding grouped on its own, with weight and payment deltas once
// weights are given.
import { describe, expect, it } from 'vitest';
import { emptySnapshot, type ChartSnapshot, type FormState } from '../../../src/chart/snapshot.ts';
import type { Finding, SuggestedCode } from '../../../src/engine/finding.ts';
import { decodeMceTables } from '../../../src/grouper/mce-tables.ts';
import { decodeGrouperTables } from '../../../src/grouper/tables.ts';
import { workingDrg, type DrgWeights } from '../../../src/grouper/working-drg.ts';

const row = (rank: number, drg: number, formula: string) => ({ rank, drg, baseDrg: 193, type: 'MEDICAL', formula, drgSeverity: 0 });
const grouper = decodeGrouperTables({
  meta: { groupedVersion: 'V431' },
  // code: [mdc, severity, exclusion collection, operands pattern, dx-category pattern, HAC pattern]
  dx: { J189: [4, '', 1, 1, 0, 0], J151: [4, '', 0, 1, 0, 0], J9601: [4, 'MCC', 0, 0, 0, 0], J9690: [4, 'MCC', 0, 0, 0, 0], I509: [5, 'CC', 0, 0, 0, 0], I5021: [5, 'MCC', 0, 0, 0, 0], I5022: [5, 'CC', 0, 0, 0, 0], I5023: [5, 'MCC', 0, 0, 0, 0], I10: [5, '', 0, 0, 0, 0], I110: [5, 'CC', 0, 0, 0, 0] },
  pdxExclusionCollections: { 1: ['J9690'] },
  dxPatterns: { 1: ['pneu'] },
  prPatterns: {},
  sg: {},
  sexDependentMdc: {},
  drgs: { 193: { title: 'Pneumonia with MCC', type: 'MEDICAL' }, 194: { title: 'Pneumonia with CC', type: 'MEDICAL' }, 195: { title: 'Pneumonia', type: 'MEDICAL' } },
  formulas: { 4: [row(1, 193, 'pneu & MCC'), row(2, 194, 'pneu & CC'), row(3, 195, 'pneu')] },
  hac: {},
  hacFormulas: {},
  clusters: {},
  clusterOperands: {},
  codeToClusters: {},
});
const periods = [['20151001', '']];
const mce = decodeMceTables({
  meta: { mceVersion: 431, terminationDate: '20260930' },
  ageRanges: [],
  dischargeStatus: { entries: [[1, '19801001', '']] },
  dx: Object.fromEntries(['J189', 'J151', 'J9601', 'J9690', 'I509', 'I5021', 'I5022', 'I5023', 'I10', 'I110'].map((c) => [c, periods])),
  sg: {},
});
const tables = { grouper, mce, mdcTitles: new Map([[4, 'Diseases and Disorders of the Respiratory System']]) };

const ref = { text: '' };
const form = (label: string, value: string): FormState => ({ id: label, label, value, required: false, control: 'text', source: ref });
const snapshot = (secondaries: string): ChartSnapshot => ({
  ...emptySnapshot('test', '2026-11-24T12:00:00Z'),
  patient: { dob: { value: '', iso: '1949-07-02', source: ref }, sex: { value: 'Male', source: ref } },
  encounter: { kind: 'inpatient', admittedAt: { value: '', iso: '2026-11-18', source: ref }, dischargedAt: { value: '', iso: '2026-11-23', source: ref } },
  diagnoses: [{ id: 'dx-i509', text: { value: 'heart failure', source: ref }, code: { system: 'ICD-10-CM', code: 'I50.9' }, role: 'secondary', source: ref }],
  forms: [form('Principal diagnosis', 'J18.9'), form('Secondary diagnoses', secondaries), form('Discharge disposition', '01 Home')],
});
const code = (c: string, action: SuggestedCode['action'], severityLevel?: 'CC' | 'MCC'): SuggestedCode => ({ system: 'ICD-10-CM', code: c, action, ...(severityLevel ? { severityLevel } : {}) });
const finding = (rule: string, codes: SuggestedCode[], over: Partial<Finding> = {}): Finding => ({
  rule, pack: 'coding', category: 'coding', severity: 'info', message: rule, citation: '', evidence: [], codes, explanation: [], subject: rule, fingerprint: `fp-${rule}`, ...over,
});

const FINDINGS = [
  finding('documented-diagnosis-not-coded', [code('J96.01', 'add', 'MCC')]),
  finding('combination-code-presumed', [code('I11.0', 'replace', 'CC'), code('I10', 'remove')]),
  finding('more-specific-code-documented', [code('J15.1', 'replace'), code('J18.9', 'remove')]),
  finding('query-unspecified-diagnosis', [code('I50.9', 'review')], { category: 'documentation', query: 'Please clarify…' }),
  finding('query-term-without-code', [], { category: 'documentation', query: 'Please clarify urosepsis…' }),
  finding('secondary-cc-mcc', [], { subject: 'dx-i509' }),
  finding('document-unsigned', [], { category: 'authentication' }),
];

describe('the working DRG of an inpatient chart', () => {
  it('groups the chart and gives, per finding, the DRG it would lead to', () => {
    const drg = workingDrg({ snapshot: snapshot('I10'), findings: FINDINGS, accepted: [], tables });
    expect(drg).toMatchObject({ status: 'ready', version: 'MS-DRG v43.1', drg: 194, title: 'Pneumonia with CC', mdc: 4, mdcTitle: 'Diseases and Disorders of the Respiratory System', severity: 'CC', principal: 'J18.9', secondaries: ['I50.9', 'I10'], age: 77, sex: 'M', dischargeStatus: '01' });
    if (drg.status !== 'ready') return;
    const lines = Object.fromEntries(drg.whatIf.map((l) => [l.rule, l]));
    expect(Object.keys(lines)).toEqual(['documented-diagnosis-not-coded', 'combination-code-presumed', 'more-specific-code-documented', 'query-unspecified-diagnosis', 'query-term-without-code', 'secondary-cc-mcc']);
    expect(lines['documented-diagnosis-not-coded']).toMatchObject({ kind: 'add', code: 'J96.01', severityLevel: 'MCC', outcomes: [{ drg: 193, title: 'Pneumonia with MCC', changesDrg: true }] });
    expect(lines['combination-code-presumed']).toMatchObject({ kind: 'replace', code: 'I11.0', replaces: ['I10'], outcomes: [{ drg: 194, changesDrg: false }] });
    expect(lines['more-specific-code-documented']).toMatchObject({ kind: 'replace', code: 'J15.1', replaces: ['J18.9'], outcomes: [{ drg: 194 }] });
    // The answers to the heart-failure query: each specific code grouped, gathered by DRG.
    expect(lines['query-unspecified-diagnosis']).toMatchObject({ kind: 'answer', code: 'I50.9', outcomes: [{ drg: 193, codes: ['I50.21', 'I50.23'] }, { drg: 194, codes: ['I50.22'], changesDrg: false }] });
    expect(lines['query-term-without-code']).toMatchObject({ kind: 'answer', outcomes: [] });
    expect(lines['query-term-without-code']?.note).toMatch(/no DRG until the provider answers/);
    expect(lines['secondary-cc-mcc']).toMatchObject({ kind: 'without', code: 'I50.9', severityLevel: 'CC', outcomes: [{ drg: 195, changesDrg: true }] });
    expect(drg.weight).toBeUndefined();
  });

  it('counts accepted codes, in place of the codes their finding replaces, and leaves them out of the what-if', () => {
    const accepted = [{ system: 'ICD-10-CM', code: 'J96.01', rule: 'documented-diagnosis-not-coded' }, { system: 'ICD-10-CM', code: 'I11.0', rule: 'combination-code-presumed' }];
    const drg = workingDrg({ snapshot: snapshot('I10'), findings: FINDINGS, accepted, tables });
    expect(drg).toMatchObject({ status: 'ready', drg: 193, severity: 'MCC', secondaries: ['I50.9', 'J96.01', 'I11.0'] });
    if (drg.status !== 'ready') return;
    expect(drg.whatIf.map((l) => l.rule)).not.toContain('documented-diagnosis-not-coded');
    expect(drg.whatIf.map((l) => l.rule)).not.toContain('combination-code-presumed');
  });

  it('adds weight and payment deltas from the imported weights', () => {
    const weights: DrgWeights = { source: 'table5.csv', weights: new Map([[193, 1.3], [194, 0.9], [195, 0.7]]), baseRate: 6500 };
    const drg = workingDrg({ snapshot: snapshot('I10'), findings: FINDINGS, accepted: [], tables, weights });
    expect(drg).toMatchObject({ weight: 0.9, weights: { source: 'table5.csv', baseRate: 6500 } });
    if (drg.status !== 'ready') return;
    expect(drg.whatIf[0]!.outcomes[0]).toMatchObject({ drg: 193, weightDelta: 0.4, paymentDelta: 2600 });
    const withoutRate = workingDrg({ snapshot: snapshot('I10'), findings: FINDINGS, accepted: [], tables, weights: { source: weights.source, weights: weights.weights } });
    if (withoutRate.status !== 'ready') return;
    expect(withoutRate.whatIf[0]!.outcomes[0]).toEqual({ drg: 193, title: 'Pneumonia with MCC', severity: 'MCC', changesDrg: true, weightDelta: 0.4 });
  });

  it('says why there is no DRG for a chart without a principal diagnosis', () => {
    const chart = { ...snapshot(''), forms: [] };
    expect(workingDrg({ snapshot: chart, findings: [], accepted: [], tables })).toEqual({ status: 'unavailable', reason: 'the chart names no principal diagnosis (ICD-10-CM)' });
  });
});
