import { describe, expect, it } from 'vitest';
import { importHcpcs } from '../../../src/codes/hcpcs.ts';
import { importIcd10cmTabularXml } from '../../../src/codes/icd10cm-tabular-xml.ts';
import { importOrderFile } from '../../../src/codes/icd10cm-order-file.ts';
import { importIcd10pcs } from '../../../src/codes/icd10pcs.ts';
import { CodeSetImportError, type ImportProgress } from '../../../src/codes/import-progress.ts';
import { importMce } from '../../../src/codes/mce.ts';
import { importMsDrg } from '../../../src/codes/msdrg.ts';
import { hasShared, sharedBytes } from './shared-codesets.ts';

describe.skipIf(!hasShared)('importers against the official files in ../shared/codesets', () => {
  it('reads the FY2021 order file: every row, billable flags, short and long titles', () => {
    const progress: ImportProgress[] = [];
    const { entries } = importOrderFile(sharedBytes('icd10cm-fy2021-official/icd10cm-order-Jan-2021.txt.gz'), (p) => progress.push(p));
    expect(entries).toHaveLength(95_358);
    expect(entries.filter((e) => e.billable)).toHaveLength(72_621);
    expect(entries.find((e) => e.code === 'E1122')).toEqual({
      code: 'E1122',
      billable: true,
      short: 'Type 2 diabetes mellitus w diabetic chronic kidney disease',
      long: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
    });
    expect(entries.find((e) => e.code === 'E11')?.billable).toBe(false);
    expect(progress.at(-1)).toMatchObject({ done: 95_358, total: 95_358, unit: 'lines' });
  });

  it('reads the FY2021 tabular XML with notes at the level where they stand', () => {
    const tabular = importIcd10cmTabularXml(sharedBytes('icd10cm-fy2021-official/icd10cm_tabular_2021.xml'));
    expect(tabular.fiscalYear).toBe(2021);
    expect(tabular.nodes).toHaveLength(45_017); // 44,772 <diag> + 245 <diag placeholder="true">
    expect(tabular.nodes.filter((n) => n.placeholder)).toHaveLength(245);
    expect(tabular.ranges.filter((r) => r.kind === 'chapter')).toHaveLength(22);
    const byCode = new Map(tabular.nodes.map((n) => [n.code, n]));
    expect(byCode.get('E1122')?.useAdditionalCode?.[0]).toEqual({
      text: 'code to identify stage of chronic kidney disease (N18.1-N18.6)',
      refs: [{ from: 'N181', to: 'N186' }],
    });
    expect(byCode.get('S72')?.seventhCharacters).toMatchObject({ A: 'initial encounter for closed fracture', S: 'sequela' });
    expect(byCode.get('S72')?.excludes1?.[0]?.refs).toEqual([{ from: 'S78' }]);
    expect(byCode.get('E11')?.excludes1?.map((n) => n.text)).toContain('type 1 diabetes mellitus (E10.-)');
    expect(byCode.get('S7200')?.inclusionTerms).toEqual(['Fracture of hip NOS', 'Fracture of neck of femur NOS']);
    expect(tabular.ranges.find((r) => r.id === 'S70-S79')).toMatchObject({ first: 'S70', last: 'S79', kind: 'section' });
  });

  it('reads MCE v43.1: validity periods and edit flags, ISO dates', () => {
    const mce = importMce(sharedBytes('mce/mce-v43.1.json'));
    expect(mce).toMatchObject({ version: '43.1', fiscalYear: 2026, terminationDate: '2026-09-30' });
    expect(mce.dx).toHaveLength(75_719);
    const validOn = (day: string): number => mce.dx.filter((r) => r.periods.some((p) => p.from <= day && (p.to === '' || day <= p.to))).length;
    expect(validOn('2026-04-01')).toBe(74_719);
    expect(mce.dx.find((r) => r.code === 'O80')?.periods).toEqual([
      { from: '2015-10-01', to: '2024-09-30', flags: ['maternity', 'female'] },
      { from: '2024-10-01', to: '', flags: ['maternity'] },
    ]);
    expect(mce.dx.find((r) => r.code === 'F0280')?.periods[0]?.flags).toEqual(['manifestation']);
    expect(mce.ageRanges.find((r) => r.group === 'Newborn')).toMatchObject({ minAge: 0, maxAge: 0 });
  });

  it('reads MS-DRG v43.1: MDC, CC/MCC and PDX-exclusion collections', () => {
    const drg = importMsDrg(sharedBytes('msdrg/msdrg-v43.1.json'));
    expect(drg).toMatchObject({ version: '43.1', fiscalYear: 2026 });
    expect(drg.dx).toHaveLength(74_719);
    const byCode = new Map(drg.dx.map((d) => [d.code, d]));
    expect(byCode.get('I5023')).toEqual({ code: 'I5023', mdc: 5, severity: 'MCC', pdxCollection: 731 });
    expect(byCode.get('A419')).toMatchObject({ mdc: 18, severity: 'MCC' });
    expect(byCode.get('N390')).toMatchObject({ mdc: 11, severity: 'CC' });
    expect(byCode.get('I10')?.severity).toBe('');
    expect(drg.dx.filter((d) => d.severity === 'MCC')).toHaveLength(3_354);
    expect(drg.dx.filter((d) => d.severity === 'CC')).toHaveLength(15_078);
    expect(drg.pdxCollections.find((c) => c.id === 731)?.codes).toContain('J810');
  });

  it('reads ICD-10-PCS and HCPCS Level II lists', () => {
    const pcs = importIcd10pcs(sharedBytes('derived/icd10pcs-fy2026-codes.tsv.gz'));
    expect(pcs.entries).toHaveLength(79_193);
    const hcpcs = importHcpcs(sharedBytes('cms-2026-codes-only/hcpcs_level2_2026q3.txt.gz'));
    expect(hcpcs.entries).toHaveLength(8_725);
    const described = importHcpcs(sharedBytes('hcpcs-level2-descriptions/hcpcs-level2-2026q3-with-2020-descriptions.tsv'));
    expect(described.entries.find((e) => e.code === 'A0021')?.short).toBe('Outside state ambulance serv');
  });

  it('rejects a truncated tabular XML and a truncated MCE file with a clear message', () => {
    const xml = new TextDecoder().decode(sharedBytes('icd10cm-fy2021-official/icd10cm_tabular_2021.xml'));
    expect(() => importIcd10cmTabularXml(xml.slice(0, 200_000))).toThrow(/truncated: the file ends inside <ICD10CM.tabular>/);
    const mce = sharedBytes('mce/mce-v43.1.json');
    expect(() => importMce(mce.subarray(0, 100_000))).toThrow(CodeSetImportError);
  });
});

describe('importers reject what is not their format', () => {
  it('order file: wrong layout, missing lines, gzip bytes', () => {
    expect(() => importOrderFile('not an order file\n')).toThrow(/line 1 does not match the order-file layout/);
    const line = (n: number, code: string): string => `${String(n).padStart(5, '0')} ${code.padEnd(7)} 1 ${'Title'.padEnd(60)} Title`;
    expect(importOrderFile(`${line(1, 'A000')}\r\n${line(2, 'A001')}\r\n`).entries).toHaveLength(2);
    expect(() => importOrderFile(`${line(1, 'A000')}\n${line(3, 'A001')}\n`)).toThrow(/order number 3, expected 2/);
    expect(() => importOrderFile(new Uint8Array([0x1f, 0x8b, 8, 0]))).toThrow(/still gzip-compressed/);
  });

  it('tabular XML: another XML document, mismatched tags', () => {
    expect(() => importIcd10cmTabularXml('<?xml version="1.0"?><ClinicalDocument/>')).toThrow(/no <ICD10CM.tabular> root/);
    expect(() => importIcd10cmTabularXml('<ICD10CM.tabular><version>2027</version><diag><name>A00</name></chapter>')).toThrow(/malformed XML/);
  });

  it('HCPCS and PCS lists: a line that is not a code', () => {
    expect(() => importHcpcs('A0021\nhello\n')).toThrow(/line 2/);
    expect(() => importIcd10pcs('0016070\nIIIIIII\n')).toThrow(/line 2/);
  });
});
