import type { ReleaseInfo } from './table.ts';

/** The release the starter table stands for: ICD-10-CM FY2027 (1 Oct 2026 - 30 Sep 2027). */
export const STARTER_RELEASE: Omit<ReleaseInfo, 'source'> = {
  system: 'icd10cm',
  fiscalYear: 2027,
  effectiveFrom: '2026-10-01',
  effectiveTo: '2027-09-30',
};
