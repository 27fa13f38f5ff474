import { beforeAll, describe, expect, it } from 'vitest';
import { encodeStarter, decodeStarter } from '../../../src/codes/starter-format.ts';
import { readSharedStarterInput } from '../../../src/codes/starter-sources-node.ts';
import { CodeTable } from '../../../src/codes/table.ts';
import { ageConflict, ageInYears } from '../../../src/codes/validate/age-conflict.ts';
import { billableStatus } from '../../../src/codes/validate/billable.ts';
import { secondarySeverity } from '../../../src/codes/validate/cc-mcc.ts';
import { excludes1Conflict, excludes1Conflicts } from '../../../src/codes/validate/excludes1.ts';
import { manifestationAsPrincipal } from '../../../src/codes/validate/manifestation-principal.ts';
import { principalEdits } from '../../../src/codes/validate/principal-edits.ts';
import { seventhCharacterCheck } from '../../../src/codes/validate/seventh-character.ts';
import { sexConflict } from '../../../src/codes/validate/sex-conflict.ts';
import { unmetSequencingNotes } from '../../../src/codes/validate/use-additional.ts';
import { codeValidOn } from '../../../src/codes/validate/valid-on-date.ts';
import { hasShared, SHARED_CODESETS } from './shared-codesets.ts';

// The table the extension ships: FY2027 codes, FY2021 notes, MCE and MS-DRG v43.1, built from
// ../shared/codesets and passed through the starter format (so the format is tested too).
describe.skipIf(!hasShared)('validation helpers on the full current ICD-10-CM', () => {
  let table: CodeTable;
  beforeAll(() => {
    table = new CodeTable(decodeStarter(encodeStarter(readSharedStarterInput(SHARED_CODESETS))));
  }, 30_000);

  it('holds every FY2027 code: 74,879 billable of 98,402', () => {
    expect(table.all().filter((e) => e.billable)).toHaveLength(74_879);
    expect(table.size).toBe(98_402);
  });

  it('validity for a date: FY2027 release, earlier years from the MCE periods', () => {
    expect(codeValidOn(table, 'E11.22', '2026-11-24').status).toBe('valid');
    expect(codeValidOn(table, 'E11', '2026-11-24').status).toBe('header');
    expect(codeValidOn(table, 'E11.99', '2026-11-24').status).toBe('unknown');
    expect(codeValidOn(table, 'U07.1', '2019-06-01')).toMatchObject({ status: 'not-in-effect', validPeriods: [{ from: '2020-04-01', to: '' }] });
    expect(codeValidOn(table, 'U07.1', '2020-06-01').status).toBe('valid');
    expect(codeValidOn(table, 'E11.22', '2028-01-01').status).toBe('no-release-for-date');
    // I42.0 became a header in FY2027: valid for a FY2026 discharge, a header now.
    expect(codeValidOn(table, 'I42.0', '2026-03-01').status).toBe('valid');
    expect(codeValidOn(table, 'I42.0', '2026-11-01').status).toBe('header');
    // C78.31 is new in FY2027: valid now, not yet in effect for a FY2026 discharge.
    expect(codeValidOn(table, 'C78.31', '2026-11-01').status).toBe('valid');
    expect(codeValidOn(table, 'C78.31', '2026-09-30')).toMatchObject({ status: 'not-in-effect', validPeriods: [{ from: '2026-10-01', to: '' }] });
  });

  it('billable vs header, with the codes below a header offered', () => {
    expect(billableStatus(table, 'E11.22').status).toBe('billable');
    const header = billableStatus(table, 'E11.2');
    expect(header.status).toBe('header');
    expect(header.children?.map((c) => c.code)).toEqual(['E1121', 'E1122', 'E1129']);
  });

  it('7th character and placeholder X', () => {
    expect(seventhCharacterCheck(table, 'S72.001A').status).toBe('ok');
    expect(seventhCharacterCheck(table, 'S72.001')).toMatchObject({ status: 'missing-seventh', stem: 'S72001' });
    expect(seventhCharacterCheck(table, 'S72.001')?.allowed).toHaveProperty('A');
    expect(seventhCharacterCheck(table, 'S72.001Z').status).toBe('invalid-seventh');
    expect(seventhCharacterCheck(table, 'T07')).toMatchObject({ status: 'missing-placeholder', stem: 'T07XXX' });
    expect(seventhCharacterCheck(table, 'S09.90A')).toMatchObject({ status: 'missing-placeholder', suggestion: 'S0990XA' });
    expect(seventhCharacterCheck(table, 'E11.22').status).toBe('not-required');
  });

  it('Excludes1 pairs from the tabular notes, either order, inherited from the category', () => {
    expect(excludes1Conflict(table, 'E11.9', 'E10.9')).toMatchObject({ code: 'E119', excluded: 'E109', noteAt: 'E11' });
    expect(excludes1Conflict(table, 'E10.9', 'E11.9')).toMatchObject({ noteAt: 'E10' });
    expect(excludes1Conflict(table, 'E11.9', 'I10')).toBeUndefined();
    expect(excludes1Conflicts(table, ['E11.9', 'I10', 'E10.9'])).toHaveLength(1);
  });

  it('use additional code: E11.22 asks for the CKD stage', () => {
    const ckd = (codes: string[]): boolean =>
      unmetSequencingNotes(table, 'E11.22', codes).some((n) => n.note.text.includes('stage of chronic kidney disease'));
    expect(ckd(['E11.22'])).toBe(true);
    expect(ckd(['E11.22', 'N18.4'])).toBe(false);
    expect(ckd(['E11.22', 'N18.9'])).toBe(true); // N18.9 is outside N18.1-N18.6
  });

  it('manifestation codes are never principal', () => {
    expect(manifestationAsPrincipal(table, 'F02.80', '2026-11-24')).toEqual({ code: 'F0280', basis: 'mce' });
    expect(manifestationAsPrincipal(table, 'G30.9', '2026-11-24')).toBeUndefined();
  });

  it('MCE age edits with the ranges of the date', () => {
    expect(ageConflict(table, 'Z38.00', 0, '2026-11-24')).toBeUndefined();
    expect(ageConflict(table, 'Z38.00', 40, '2026-11-24')).toMatchObject({ group: 'Newborn', minAge: 0, maxAge: 0 });
    expect(ageConflict(table, 'O80', 10, '2026-11-24')).toBeUndefined();
    expect(ageConflict(table, 'O80', 10, '2019-01-15')).toMatchObject({ group: 'Maternity', minAge: 12, maxAge: 55 });
    expect(ageInYears('2000-11-25', '2026-11-24')).toBe(25);
  });

  it('sex edits apply only to discharges before FY2025', () => {
    expect(sexConflict(table, 'O80', 'male', '2024-09-30')).toEqual({ code: 'O80', requires: 'female', sex: 'male' });
    expect(sexConflict(table, 'O80', 'male', '2024-10-01')).toBeUndefined();
    expect(sexConflict(table, 'N40.0', 'female', '2023-05-01')?.requires).toBe('male');
    expect(sexConflict(table, 'O80', 'female', '2023-05-01')).toBeUndefined();
  });

  it('principal-diagnosis edits: unacceptable, external cause, questionable admission', () => {
    expect(principalEdits(table, 'Z37.0', '2026-11-24', true)).toContain('unacceptable');
    expect(principalEdits(table, 'W19.XXXA', '2026-11-24', true)).toContain('ecodepdx');
    expect(principalEdits(table, 'I10', '2026-11-24', true)).toEqual(['qadm']);
    expect(principalEdits(table, 'Z51.89', '2026-11-24', false)).toContain('reqsdx');
    expect(principalEdits(table, 'Z51.89', '2026-11-24', true)).not.toContain('reqsdx');
    expect(principalEdits(table, 'J18.9', '2026-11-24', true)).toEqual([]);
  });

  it('CC and MCC of secondaries, cancelled by the principal per MS-DRG v43.1', () => {
    expect(secondarySeverity(table, 'N39.0')).toMatchObject({ severity: 'CC', effective: 'CC' });
    expect(secondarySeverity(table, 'I50.23', 'J18.9')).toMatchObject({ severity: 'MCC', effective: 'MCC' });
    expect(secondarySeverity(table, 'I50.23', 'I50.9')).toMatchObject({ effective: '', excludedByPrincipal: { principal: 'I509' } });
    expect(secondarySeverity(table, 'I10', 'J18.9')).toMatchObject({ severity: '', effective: '' });
  });
});
