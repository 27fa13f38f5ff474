import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setActiveCodeTable } from '../../../../src/codes/active-table.ts';
import { parseCodeRefs } from '../../../../src/codes/code-refs.ts';
import { decodeStarter, encodeStarter } from '../../../../src/codes/starter-format.ts';
import { readSharedStarterInput } from '../../../../src/codes/starter-sources-node.ts';
import { CodeTable } from '../../../../src/codes/table.ts';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';
import { requiredAdditionalCode } from '../../../../src/engine/facts/required-additional-code.ts';
import { DEFAULT_SETTINGS } from '../../../../src/engine/settings.ts';
import { hasShared, SHARED_CODESETS } from '../../codes/shared-codesets.ts';

/** The fact's value for every diagnosis of a claim (first code principal unless a role is given). */
function facts(codes: (string | [string, string])[]): unknown[] {
  const snapshot = snapshotFromCase({
    encounter: { kind: 'inpatient', admittedAt: '11/18/2026 08:00', dischargedAt: '11/20/2026 14:00' },
    diagnoses: codes.map((c, i) => {
      const [code, role] = typeof c === 'string' ? [c, i === 0 ? 'principal' : 'secondary'] : c;
      return { code: { system: 'ICD-10-CM', code }, text: code, role };
    }),
  });
  return snapshot.diagnoses.map((item) => requiredAdditionalCode.compute({ snapshot, settings: DEFAULT_SETTINGS, scope: 'diagnosis', item, fact: () => undefined }));
}

const note = (text: string) => ({ text, refs: parseCodeRefs(text) });

// X11.0 carries the two kinds of note the rule checks, an optional one, and one naming a CKD
// stage together with another code (not a required detail alone, so not checked).
const synthetic = new CodeTable({
  release: { system: 'icd10cm', fiscalYear: 2027, effectiveFrom: '2026-10-01', effectiveTo: '2027-09-30', source: 'test' },
  entries: [],
  tabular: {
    fiscalYear: 2021,
    ranges: [{ id: 'X00-X99', kind: 'section', title: 'Section', first: 'X00', last: 'X99', useAdditionalCode: [note('stage, section-wide (N18.-)')] }],
    nodes: [
      { code: 'X11', title: 'Category', useAdditionalCode: [note('tobacco use (Z72.0)'), note('stage or transplant (N18.3, Z94.0)')] },
      { code: 'X110', title: 'Code', useAdditionalCode: [note('code to identify stage of chronic kidney disease (N18.1-N18.6)'), note('code to identify type of heart failure (I50.-)')] },
    ],
  },
});

describe('requiredAdditionalCode on a synthetic table', () => {
  beforeAll(() => setActiveCodeTable(synthetic));
  afterAll(() => setActiveCodeTable(undefined));

  it('reports the first CKD-stage or heart-failure note no reported code meets', () => {
    expect(facts(['X11.0'])[0]).toEqual({ code: 'X11.0', noteAt: 'X11.0', note: 'code to identify stage of chronic kidney disease (N18.1-N18.6)', codes: 'N18.1-N18.6' });
    expect(facts(['X11.0', 'N18.30'])[0]).toMatchObject({ codes: 'I50' });
    expect(facts(['I50.9', 'X11.0', 'N18.30'])).toEqual([undefined, undefined, undefined]);
  });

  it('ignores optional notes, notes mixing other codes, and section-wide notes', () => {
    expect(facts(['X11.9'])).toEqual([undefined]);
  });
});

describe.skipIf(!hasShared)('requiredAdditionalCode on the full FY2027 table (notes from the FY2021 tabular)', () => {
  beforeAll(() => setActiveCodeTable(new CodeTable(decodeStarter(encodeStarter(readSharedStarterInput(SHARED_CODESETS))))), 30_000);
  afterAll(() => setActiveCodeTable(undefined));

  it('asks for the CKD stage the combination code leaves out', () => {
    expect(facts(['E11.22'])).toEqual([{ code: 'E11.22', noteAt: 'E11.22', note: 'code to identify stage of chronic kidney disease (N18.1-N18.6)', codes: 'N18.1-N18.6' }]);
    expect(facts(['E11.22', 'N18.4'])).toEqual([undefined, undefined]);
    expect(facts(['E11.22', 'N18.9'])[0]).toMatchObject({ codes: 'N18.1-N18.6' });
    // I12.0 is CKD stage 5 or ESRD: stage 4 does not meet its note (I12.9 would be the code).
    expect(facts(['I12.0', 'N18.4'])[0]).toMatchObject({ codes: 'N18.5, N18.6' });
    expect(facts(['I12.0', 'N18.6'])).toEqual([undefined, undefined]);
  });

  it('asks for the type of heart failure', () => {
    expect(facts(['I11.0'])[0]).toMatchObject({ noteAt: 'I11.0', codes: 'I50' });
    expect(facts(['I13.0', 'N18.3'])[0]).toMatchObject({ codes: 'I50' });
    expect(facts(['I13.0', 'I50.32', 'N18.31'])).toEqual([undefined, undefined, undefined]);
  });

  it('leaves optional notes alone: drug therapy, tobacco, infectious agent, BMI, transplant status', () => {
    expect(facts(['E11.9', 'J44.9', 'N39.0', 'E66.9', 'N18.4', 'C34.90'])).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('judges claim lists only', () => {
    expect(facts([['E11.22', 'problem']])).toEqual([undefined]);
    expect(facts([['E11.22', 'final']])[0]).toMatchObject({ code: 'E11.22' });
    // A stage only on the problem list is not on the claim.
    expect(facts([['E11.22', 'principal'], ['N18.4', 'problem']])[0]).toMatchObject({ code: 'E11.22' });
  });
});
