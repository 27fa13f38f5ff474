import { describe, expect, it } from 'vitest';
import { ClaimInputError, parseClaim } from '../../../src/grouper/claim-input.ts';
import { grouperDischarge } from '../../../src/grouper/discharge-status.ts';

const claim = {
  id: 'T1',
  age: 70,
  sex: 'm',
  dischargeStatus: '01',
  admitDate: '2026-05-01',
  dischargeDate: '2026-05-04',
  pdx: { code: 'I50.23', poa: 'Y' },
  sdx: ['N17.9'],
  procedures: ['02hv33z'],
};

describe('claim input', () => {
  it('normalises codes (no dots, upper case) and fills defaults', () => {
    expect(parseClaim(claim)).toEqual({ ...claim, sex: 'M', pdx: { code: 'I5023', poa: 'Y' }, sdx: [{ code: 'N179', poa: '' }], procedures: ['02HV33Z'] });
    expect(parseClaim({ ...claim, sdx: undefined, procedures: undefined })).toMatchObject({ sdx: [], procedures: [] });
  });

  it('names the field that is wrong', () => {
    expect(() => parseClaim([])).toThrow(ClaimInputError);
    expect(() => parseClaim({ ...claim, age: '70' })).toThrow(/^age/);
    expect(() => parseClaim({ ...claim, pdx: undefined })).toThrow(/^pdx/);
    expect(() => parseClaim({ ...claim, dischargeDate: '05/04/2026' })).toThrow(/^dischargeDate/);
    expect(() => parseClaim({ ...claim, sdx: [{ poa: 'Y' }] })).toThrow(/^sdx\[0\]/);
  });
});

describe('discharge status as the grouper reads it', () => {
  it('sets ALIVE, DIED, AMA and the neonatal transfer operand', () => {
    expect(grouperDischarge('20')).toEqual({ valid: true, died: true, atoms: ['DIED'] });
    expect(grouperDischarge('07').atoms).toEqual(['ALIVE', 'AMA']);
    expect(grouperDischarge('02').atoms).toEqual(['ALIVE', 'XFRNBA']);
  });

  it('leaves statuses off its list (00, 08, 41, 99) invalid but alive', () => {
    for (const s of ['00', '08', '41', '99', 'x']) expect(grouperDischarge(s)).toEqual({ valid: false, died: false, atoms: ['ALIVE', 'INVALID_DSTAT'] });
  });
});
