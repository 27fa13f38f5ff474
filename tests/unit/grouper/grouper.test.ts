import { beforeAll, describe, expect, it } from 'vitest';
import { groupAndEdit } from '../../../src/grouper/group-and-edit.ts';
import type { LoadedTables } from '../../../src/grouper/load-node.ts';
import { whatIf } from '../../../src/grouper/what-if.ts';
import type { Claim } from '../../../src/grouper/types.ts';
import { hasOracle, sharedTables } from './oracle.ts';

const base: Claim = {
  id: 'T',
  age: 70,
  sex: 'F',
  dischargeStatus: '01',
  admitDate: '2026-05-01',
  dischargeDate: '2026-05-05',
  pdx: { code: 'I5023', poa: 'Y' },
  sdx: [],
  procedures: [],
};

describe.skipIf(!hasOracle)('grouper pieces on the real v43.1 tables', () => {
  let tables: LoadedTables;
  beforeAll(() => {
    tables = sharedTables();
  });
  const group = (claim: Partial<Claim>) => groupAndEdit(tables, { ...base, ...claim });

  it('groups heart failure by the severity of its secondaries (DRGs 291-293)', () => {
    expect(group({}).drg).toBe(293);
    expect(group({ sdx: [{ code: 'N179', poa: 'Y' }] })).toMatchObject({ drg: 292, severity: 'CC', sdxSeverity: 'CC', drgTitle: 'Heart Failure and Shock with CC' });
    expect(group({ sdx: [{ code: 'J9601', poa: 'Y' }] })).toMatchObject({ drg: 291, severity: 'MCC', mdc: 5, medSurg: 'MEDICAL' });
  });

  it('reads the PDX exclusion from the principal: I50.23 cancels I50.9 as a secondary, not the reverse', () => {
    const hf = group({ sdx: [{ code: 'I5043', poa: 'Y' }] });
    expect(hf.sdx[0]).toMatchObject({ severity: 'MCC_EXCLUDED' });
    expect(hf.drg).toBe(293);
  });

  it('counts an MCC-only-if-alive secondary only when the patient lived', () => {
    const arrest = { sdx: [{ code: 'I469', poa: 'Y' }] };
    expect(group(arrest)).toMatchObject({ drg: 291 });
    expect(group({ ...arrest, dischargeStatus: '20' })).toMatchObject({ drg: 293, sdx: [{ severity: 'NEITHER' }] });
    // With a status the grouper does not know, it cannot tell: ungroupable.
    expect(group({ ...arrest, dischargeStatus: '41' })).toMatchObject({ drg: 999, returnCode: 'INVALID_DISCHARGE_STATUS', mce: { edits: [{ edit: 'INVALID_DISCHARGE_STATUS' }] } });
  });

  it('returns INVALID_PDX, DX_CANNOT_BE_PDX and INVALID_SEX as DRG 999', () => {
    expect(group({ pdx: { code: 'I50', poa: 'Y' } })).toMatchObject({ drg: 999, mdc: 0, returnCode: 'INVALID_PDX', returnCodeValue: 7, medSurg: 'NONE', sdxSeverity: 'NONE' });
    expect(group({ pdx: { code: 'W010XXA', poa: 'Y' } })).toMatchObject({ drg: 999, returnCode: 'DX_CANNOT_BE_PDX', mce: { edits: [{ edit: 'E_CODE_AS_PDX' }] } });
    // A principal whose MDC depends on sex (12 male, 13 female), with sex unknown.
    expect(group({ pdx: { code: 'C763', poa: 'Y' }, sex: 'U' })).toMatchObject({ drg: 999, returnCode: 'INVALID_SEX' });
  });

  it('drops a hospital-acquired condition from the final DRG, and cannot group one without a valid POA', () => {
    const stage4 = { pdx: { code: 'J189', poa: 'Y' }, sdx: [{ code: 'L89154', poa: 'N' }] };
    expect(group(stage4)).toMatchObject({ initialDrg: 193, drg: 195, hacStatus: 'FINAL_DRG_CHANGES', hacCount: 1 });
    expect(group(stage4).sdx[0]).toMatchObject({ initialSeverity: 'MCC', severity: 'NEITHER', poaError: 'POA_RECOGNIZED_NOT_POA', hacs: [{ hac: 4, status: 'HAC_CRITERIA_MET' }] });
    expect(group({ ...stage4, sdx: [{ code: 'L89154', poa: 'Y' }] })).toMatchObject({ drg: 193, hacStatus: 'NOT_APPLICABLE' });
    expect(group({ ...stage4, sdx: [{ code: 'L89154', poa: '' }] })).toMatchObject({ initialDrg: 193, drg: 999, returnCode: 'HAC_MISSING_ONE_POA', hacStatus: 'FINAL_DRG_UNGROUPABLE' });
  });

  it('routes multiple significant trauma to MDC 24 and HIV to MDC 25 from the pre-MDC table', () => {
    const pdx = { code: 'S066X6A', poa: 'Y' };
    // The second injury makes it multiple trauma, but trauma codes are no CC/MCC in MDC 24.
    const trauma = group({ pdx, sdx: [{ code: 'S3510XA', poa: 'Y' }] });
    expect(trauma).toMatchObject({ mdc: 24, drg: 965, sdx: [{ severity: 'MCC_EXCLUDED_BY_DRG_LOGIC', affectsDrg: 'BOTH' }] });
    expect(group({ pdx, sdx: [{ code: 'S3510XA', poa: 'Y' }, { code: 'J9601', poa: 'Y' }] })).toMatchObject({ mdc: 24, drg: 963 });
    expect(group({ pdx: { code: 'B20', poa: 'Y' } }).mdc).toBe(25);
  });
});

describe.skipIf(!hasOracle)('MCE pieces on the real v43.1 tables', () => {
  let tables: LoadedTables;
  beforeAll(() => {
    tables = sharedTables();
  });
  const edits = (claim: Partial<Claim>) => groupAndEdit(tables, { ...base, ...claim }).mce;

  it('passes a clean claim', () => {
    expect(edits({})).toEqual({ version: 431, editType: 'NONE', edits: [] });
  });

  it('names each code an edit is about, with its role', () => {
    expect(edits({ sdx: [{ code: 'I5023', poa: 'Y' }, { code: 'XYZ', poa: 'Y' }] }).edits).toEqual([
      { edit: 'INVALID_CODE', count: 1, codes: [{ code: 'XYZ', role: 'sdx' }] },
      { edit: 'DUPLICATE_OF_PDX', count: 1, codes: [{ code: 'I5023', role: 'sdx' }] },
    ]);
  });

  it('has claim-level edits without codes, and an admit-diagnosis edit that does not stop payment', () => {
    expect(edits({ age: 130, sex: 'X' }).edits.map((e) => [e.edit, e.codes.length])).toEqual([['INVALID_AGE', 0], ['INVALID_SEX', 0]]);
    expect(edits({ sex: 'U' }).edits).toEqual([]);
    expect(edits({ admitDx: 'I50' })).toMatchObject({ editType: 'NONE', edits: [{ edit: 'INVALID_ADMIT_DX', codes: [{ code: 'I50', role: 'admit' }] }] });
  });

  it('checks delivery procedures for an outcome of delivery, and ventilation > 96 hours against the stay', () => {
    const delivery = { age: 28, pdx: { code: 'O80', poa: 'Y' }, procedures: ['10E0XZZ'] };
    expect(edits(delivery).edits.map((e) => e.edit)).toEqual(['QUESTIONABLE_OBSTETRIC_ADMISSION']);
    expect(edits({ ...delivery, sdx: [{ code: 'Z370', poa: 'Y' }] }).edits).toEqual([]);
    expect(edits({ procedures: ['5A1955Z'], admitDate: '2026-05-03' }).edits.map((e) => e.edit)).toEqual(['INCONSISTENT_WITH_LENGTH_OF_STAY']);
    expect(edits({ procedures: ['5A1955Z'], admitDate: '2026-04-28' }).edits).toEqual([]);
  });
});

describe.skipIf(!hasOracle)('what-if on the real v43.1 tables', () => {
  it('names the DRG each added or more specific code would give', () => {
    const heartFailure: Claim = { ...base, pdx: { code: 'I509', poa: 'Y' } };
    const { current, outcomes } = whatIf(sharedTables().grouper, heartFailure, [
      { code: 'N179' },
      { code: 'J9601' },
      { code: 'I5023', replaces: 'I509' },
      { code: 'E119' },
    ]);
    expect(current.drg).toBe(293);
    expect(outcomes.map((o) => [o.drg, o.changesDrg])).toEqual([[292, true], [291, true], [293, false], [293, false]]);
    expect(outcomes[1]).toMatchObject({ drgTitle: 'Heart Failure and Shock with MCC', severity: 'MCC' });
  });
});
