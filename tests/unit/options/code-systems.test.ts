import { describe, expect, it } from 'vitest';
import { CODE_SYSTEMS, currentFiscalYear, systemLabel } from '../../../src/options/code-systems.ts';

describe('code systems on the options page', () => {
  it('asks for a fiscal year exactly for the code lists that do not state one', () => {
    expect(CODE_SYSTEMS.filter((s) => s.needsYear).map((s) => s.system)).toEqual(['icd10cm', 'icd10pcs', 'hcpcs']);
    expect(systemLabel('msdrg')).toMatch(/^MS-DRG/);
  });

  it('proposes the fiscal year in force: FY N starts on 1 October of N-1', () => {
    expect(currentFiscalYear(new Date('2026-09-30T12:00:00Z'))).toBe(2026);
    expect(currentFiscalYear(new Date('2026-10-01T12:00:00Z'))).toBe(2027);
    expect(currentFiscalYear(new Date('2027-01-15T12:00:00Z'))).toBe(2027);
  });
});
