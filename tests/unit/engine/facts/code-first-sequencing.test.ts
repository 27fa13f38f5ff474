import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setActiveCodeTable } from '../../../../src/codes/active-table.ts';
import { parseCodeRefs } from '../../../../src/codes/code-refs.ts';
import { decodeStarter, encodeStarter } from '../../../../src/codes/starter-format.ts';
import { readSharedStarterInput } from '../../../../src/codes/starter-sources-node.ts';
import { CodeTable } from '../../../../src/codes/table.ts';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';
import { codeFirstSequencing } from '../../../../src/engine/facts/code-first-sequencing.ts';
import { DEFAULT_SETTINGS } from '../../../../src/engine/settings.ts';
import { hasShared, SHARED_CODESETS } from '../../codes/shared-codesets.ts';

type Dx = [code: string, role: string];

/** The fact's value for every diagnosis of a claim, in the order given. */
function facts(diagnoses: Dx[]): unknown[] {
  const snapshot = snapshotFromCase({
    encounter: { kind: 'inpatient', admittedAt: '11/18/2026 08:00', dischargedAt: '11/20/2026 14:00' },
    diagnoses: diagnoses.map(([code, role]) => ({ code: { system: 'ICD-10-CM', code }, text: code, role })),
  });
  return snapshot.diagnoses.map((item) => codeFirstSequencing.compute({ snapshot, settings: DEFAULT_SETTINGS, scope: 'diagnosis', item, fact: () => undefined }));
}

const note = (text: string) => ({ text, refs: parseCodeRefs(text) });

// A small synthetic table: a manifestation (M01.0) whose notes offer two etiologies, a code
// with a conditional "code first" note (K10.0), and a note without a code (ignored).
const synthetic = new CodeTable({
  release: { system: 'icd10cm', fiscalYear: 2027, effectiveFrom: '2026-10-01', effectiveTo: '2027-09-30', source: 'test' },
  entries: ['M01', 'M01.0', 'A10', 'A10.1', 'B20', 'K10', 'K10.0', 'T81.4', 'T81.40'].map((code) => ({ code: code.replace('.', ''), billable: code.includes('.'), short: code })),
  tabular: {
    fiscalYear: 2021,
    ranges: [],
    nodes: [
      { code: 'M01', title: 'Arthritis in diseases classified elsewhere', codeFirst: [note('underlying disease, such as:'), note('A-disease (A10.-)'), note('B-disease (B20)')] },
      { code: 'K10', title: 'Other condition', codeFirst: [note('postprocedural condition (T81.4-)'), note('the cause, if known')] },
    ],
  },
  mce: {
    version: '43.1',
    terminationDate: '2026-09-30',
    ageRanges: [],
    dx: [
      { code: 'M010', periods: [{ from: '2015-10-01', to: '', flags: ['manifestation'] }] },
      { code: 'K100', periods: [{ from: '2015-10-01', to: '', flags: [] }] },
    ],
  },
});

describe('codeFirstSequencing on a synthetic table', () => {
  beforeAll(() => setActiveCodeTable(synthetic));
  afterAll(() => setActiveCodeTable(undefined));

  it('flags a code the note names when it is reported after the diagnosis', () => {
    expect(facts([['K10.0', 'principal'], ['T81.40', 'secondary']])[0]).toEqual({
      code: 'K10.0',
      noteAt: 'K10',
      note: 'postprocedural condition (T81.4-)',
      problem: 'T81.40 is reported after it; sequence T81.40 first',
      later: { value: 'T81.40', source: { text: 'T81.40' } },
    });
    expect(facts([['T81.40', 'principal'], ['K10.0', 'secondary']])).toEqual([undefined, undefined]);
  });

  it('judges the principal diagnosis first wherever the chart lists it', () => {
    expect(facts([['K10.0', 'secondary'], ['T81.40', 'principal']])).toEqual([undefined, undefined]);
  });

  it('leaves conditional notes alone when the code they name is absent', () => {
    expect(facts([['K10.0', 'principal']])).toEqual([undefined]);
  });

  it('asks a manifestation for one of its etiologies before it', () => {
    expect(facts([['K10.0', 'principal'], ['M01.0', 'secondary']])[1]).toEqual({
      code: 'M01.0',
      noteAt: 'M01',
      note: 'A-disease (A10.-); B-disease (B20)',
      problem: 'it is a manifestation code and no underlying condition the note names is reported before it',
    });
    expect(facts([['K10.0', 'principal'], ['B20', 'secondary'], ['M01.0', 'secondary']])[2]).toBeUndefined();
    expect(facts([['K10.0', 'principal'], ['A10.1', 'final'], ['M01.0', 'final']])[2]).toBeUndefined();
    expect(facts([['K10.0', 'principal'], ['M01.0', 'secondary'], ['A10.1', 'secondary']])[1]).toMatchObject({ problem: 'A10.1 is reported after it; sequence A10.1 first' });
  });

  it('judges claim lists only, and leaves a principal manifestation to manifestation-as-principal', () => {
    expect(facts([['M01.0', 'problem'], ['K10.0', 'problem'], ['T81.40', 'problem']])).toEqual([undefined, undefined, undefined]);
    // An etiology only on the problem list is not on the claim.
    expect(facts([['A10.1', 'problem'], ['M01.0', 'secondary']])[1]).toMatchObject({ code: 'M01.0' });
    expect(facts([['M01.0', 'principal'], ['A10.1', 'secondary']])).toEqual([undefined, undefined]);
  });
});

// The hand-coded answers of the coding fixtures, read as claims in the order written (first
// code principal). The order there was not set as a claim sequence, which is what the rule checks.
describe.skipIf(!hasShared)('codeFirstSequencing on the full FY2027 table (notes from the FY2021 tabular)', () => {
  beforeAll(() => setActiveCodeTable(new CodeTable(decodeStarter(encodeStarter(readSharedStarterInput(SHARED_CODESETS))))), 30_000);
  afterAll(() => setActiveCodeTable(undefined));

  it('on the expected codes of the coding fixtures: I13.0 and E11.22 listed after the codes whose notes name them', () => {
    const expected = JSON.parse(readFileSync(resolve(process.cwd(), 'tests/fixtures/coding/expected-codes.json'), 'utf8')) as { charts: Record<string, string[]> };
    const want: Record<string, string[]> = {
      'chf-ckd-inpatient': ['I50.33: I13.0 is reported after it; sequence I13.0 first', 'N18.4: I13.0 is reported after it; sequence I13.0 first'],
      'stroke-history-inpatient': ['N18.31: E11.22 is reported after it; sequence E11.22 first'],
      'diabetes-outpatient': [],
      'pneumonia-sepsis-inpatient': [],
      'afib-copd-outpatient': [],
      'knee-oa-outpatient': [],
    };
    for (const [chart, findings] of Object.entries(want)) {
      const codes = expected.charts[chart] ?? [];
      expect(codes.length, chart).toBeGreaterThan(0);
      const values = facts(codes.map((code, i): Dx => [code, i === 0 ? 'principal' : 'secondary'])) as ({ code: string; problem: string } | undefined)[];
      expect(values.flatMap((v) => (v ? [`${v.code}: ${v.problem}`] : [])), chart).toEqual(findings);
    }
  });

  it('dementia in Alzheimer disease, diabetic CKD and sepsis: the classification notes as coders know them', () => {
    expect(facts([['J18.9', 'principal'], ['G30.9', 'secondary'], ['F02.80', 'secondary']])).toEqual([undefined, undefined, undefined]);
    expect(facts([['J18.9', 'principal'], ['F02.80', 'secondary']])[1]).toMatchObject({ noteAt: 'F02', note: expect.stringMatching(/^Alzheimer's \(G30\.-\); .* and 22 more$/) as unknown });
    expect(facts([['E11.22', 'principal'], ['N18.4', 'secondary']])).toEqual([undefined, undefined]);
    expect(facts([['A41.9', 'principal'], ['J18.9', 'secondary']])).toEqual([undefined, undefined]);
    expect(facts([['I50.9', 'principal'], ['I11.0', 'secondary']])[0]).toMatchObject({ note: 'heart failure due to hypertension (I11.0)' });
  });
});
