import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setActiveCodeTable } from '../../../../src/codes/active-table.ts';
import { importMce, type MceRelease } from '../../../../src/codes/mce.ts';
import { decodeStarter, encodeStarter } from '../../../../src/codes/starter-format.ts';
import { readSharedStarterInput } from '../../../../src/codes/starter-sources-node.ts';
import { CodeTable } from '../../../../src/codes/table.ts';
import { sexConflict, SEX_EDITS_END } from '../../../../src/codes/validate/sex-conflict.ts';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';
import { administrativeSex, mceSexConflict } from '../../../../src/engine/facts/mce-sex-conflict.ts';
import { DEFAULT_SETTINGS } from '../../../../src/engine/settings.ts';
import { hasShared, SHARED_CODESETS, sharedBytes } from '../../codes/shared-codesets.ts';

/** The fact's value for the first diagnosis of a compact case snapshot. */
function sexFact(patientSex: string | undefined, code: string, discharged: string): unknown {
  const snapshot = snapshotFromCase({
    patient: patientSex === undefined ? {} : { sex: patientSex },
    encounter: { kind: 'inpatient', admittedAt: discharged, dischargedAt: discharged },
    diagnoses: [{ code: { system: 'ICD-10-CM', code }, text: code, role: 'principal' }],
  });
  const item = snapshot.diagnoses[0]!;
  return mceSexConflict.compute({ snapshot, settings: DEFAULT_SETTINGS, scope: 'diagnosis', item, fact: () => undefined });
}

describe('administrativeSex', () => {
  it('reads the forms EHRs print for male and female', () => {
    for (const f of ['F', 'f', 'Female', 'female', 'FEMALE', ' Female ', 'F.']) expect(administrativeSex(f), f).toBe('female');
    for (const m of ['M', 'm', 'Male', 'male', 'MALE']) expect(administrativeSex(m), m).toBe('male');
  });

  it('gives nothing for unknown, other and missing values', () => {
    for (const v of ['U', 'Unknown', 'UN', 'Other', 'O', 'nonbinary', 'Female to male', '', undefined]) expect(administrativeSex(v), String(v)).toBeUndefined();
  });
});

// The full MCE v43.1 import: every code since FY2016 with all its periods, deleted codes included.
describe.skipIf(!hasShared)('sex edits with the full MCE import and with the starter table', () => {
  let mce: MceRelease;
  let full: CodeTable;
  let starter: CodeTable;
  beforeAll(() => {
    mce = importMce(sharedBytes('mce/mce-v43.1.json'));
    full = new CodeTable({
      release: { system: 'icd10cm', fiscalYear: 2026, effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30', source: 'MCE v43.1' },
      entries: mce.dx.map((r) => ({ code: r.code, billable: true, short: '' })),
      mce,
    });
    starter = new CodeTable(decodeStarter(encodeStarter(readSharedStarterInput(SHARED_CODESETS))));
  }, 60_000);
  afterAll(() => setActiveCodeTable(undefined));

  it('the fact fires before FY2025 only, for a readable sex that differs from the flag', () => {
    setActiveCodeTable(full);
    expect(sexFact('M', 'C50.911', '06/15/2023 13:00')).toEqual({ code: 'C50.911', requires: 'female', sex: 'male' });
    expect(sexFact('Female', 'N40.1', '09/30/2024 16:00')).toEqual({ code: 'N40.1', requires: 'male', sex: 'female' });
    expect(sexFact('M', 'C50.911', '10/01/2024 09:00')).toBeUndefined();
    expect(sexFact('F', 'C50.911', '06/15/2023 13:00')).toBeUndefined();
    expect(sexFact(undefined, 'C50.911', '06/15/2023 13:00')).toBeUndefined();
    expect(sexFact('Unknown', 'C61', '06/15/2023 13:00')).toBeUndefined();
    // O35.0XX0 was deleted on 2022-10-01: still edited for a discharge before then.
    expect(sexFact('M', 'O35.0XX0', '06/15/2021 13:00')).toEqual({ code: 'O35.0XX0', requires: 'female', sex: 'male' });
    setActiveCodeTable(starter);
    expect(sexFact('M', 'C50.911', '06/15/2023 13:00')).toEqual({ code: 'C50.911', requires: 'female', sex: 'male' });
  });

  it('no sex flag is in force from 2024-10-01 in the MCE tables', () => {
    const late = mce.dx.flatMap((r) => r.periods.filter((p) => (p.flags.includes('male') || p.flags.includes('female')) && (p.to === '' || p.to >= SEX_EDITS_END)));
    expect(late).toEqual([]);
  });

  // 4,132 sex-flag periods on 4,029 codes, every one ended before FY2025: the starter table must
  // keep them all, those of codes deleted since (O35.0XX0-O35.1XX9, Q51.20) included.
  it('the starter table gives the same sex edits as the full MCE for every sex-flag period', () => {
    let checked = 0;
    for (const record of mce.dx) {
      for (const period of record.periods) {
        const requires = period.flags.includes('male') ? 'male' : period.flags.includes('female') ? 'female' : undefined;
        if (!requires) continue;
        const other = requires === 'male' ? 'female' : 'male';
        expect(starter.mcePeriods(record.code), record.code).toBeDefined();
        expect(sexConflict(starter, record.code, other, period.from), `${record.code} ${period.from}`).toEqual(sexConflict(full, record.code, other, period.from));
        checked++;
      }
    }
    expect(checked).toBe(4132);
  });
});
