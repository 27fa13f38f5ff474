import { beforeAll, describe, expect, it } from 'vitest';
import { importIcd10cmTabularXml } from '../../../src/codes/icd10cm-tabular-xml.ts';
import { importOrderFile } from '../../../src/codes/icd10cm-order-file.ts';
import { CodeTable } from '../../../src/codes/table.ts';
import { hasShared, sharedBytes } from './shared-codesets.ts';

const tiny = new CodeTable({
  release: { system: 'icd10cm', fiscalYear: 2027, effectiveFrom: '2026-10-01', effectiveTo: '2027-09-30', source: 'test' },
  entries: [
    { code: 'E11', billable: false, short: 'Type 2 diabetes mellitus' },
    { code: 'E112', billable: false, short: 'Type 2 diabetes mellitus with kidney complications' },
    { code: 'E1122', billable: true, short: 'Type 2 diabetes mellitus w diabetic chronic kidney disease' },
    { code: 'E119', billable: true, short: 'Type 2 diabetes mellitus without complications' },
    { code: 'N184', billable: true, short: 'Chronic kidney disease, stage 4 (severe)' },
  ],
});

describe('CodeTable lookups', () => {
  it('finds codes as charts write them', () => {
    expect(tiny.get('e11.22')?.billable).toBe(true);
    expect(tiny.get(' E11.22 ')?.code).toBe('E1122');
    expect(tiny.has('E11.23')).toBe(false);
    expect(tiny.parent('E11.22')?.code).toBe('E112');
  });

  it('lists a prefix in code order and searches words, prefix of the last word included', () => {
    expect(tiny.withPrefix('E11').map((e) => e.code)).toEqual(['E11', 'E112', 'E1122', 'E119']);
    expect(tiny.search('kidney diab').map((e) => e.code)).toEqual(['E1122', 'E112']);
    expect(tiny.search('chronic kidney stage').map((e) => e.code)).toEqual(['N184']);
    expect(tiny.search('E11.2').map((e) => e.code)).toEqual(['E112', 'E1122']);
    expect(tiny.search('of the')).toEqual([]);
    expect(tiny.search('ckd stage 4').map((e) => e.code)).toEqual(['N184']);
  });
});

describe.skipIf(!hasShared)('CodeTable over the FY2021 order file and tabular XML', () => {
  let table: CodeTable;
  beforeAll(() => {
    table = new CodeTable({
      release: { system: 'icd10cm', fiscalYear: 2021, effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30', source: 'FY2021' },
      entries: importOrderFile(sharedBytes('icd10cm-fy2021-official/icd10cm-order-Jan-2021.txt.gz')).entries,
      tabular: importIcd10cmTabularXml(sharedBytes('icd10cm-fy2021-official/icd10cm_tabular_2021.xml')),
    });
  });

  it('inherits notes from chapter and section down to the 7th-character code', () => {
    const levels = table.notesFor('S72.001A').map((l) => ('code' in l ? l.code : l.id));
    expect(levels).toEqual(['19', 'S70-S79', 'S72', 'S720', 'S7200', 'S72001']);
  });

  it('finds codes by inclusion terms, not only titles', () => {
    expect(table.search('hip NOS fracture').map((e) => e.code)).toContain('S7200');
  });

  it('ranks billable codes with short titles first', () => {
    const hits = table.search('type 2 diabetes chronic kidney', 3);
    expect(hits[0]?.code).toBe('E1122');
  });
});
