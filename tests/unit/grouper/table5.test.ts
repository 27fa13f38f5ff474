// Table 5 import: a small synthetic CSV made here in the layout CMS publishes (title lines,
// header, quoted titles with commas, footnotes), and broken variants whose errors name the row.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/grouper/csv.ts';
import { parseTable5 } from '../../../src/grouper/table5.ts';

const HEADER = 'MS-DRG,FY 2026 Final Rule Post-Acute DRG,FY 2026 Final Rule Special Pay DRG,MDC,TYPE,MS-DRG Title,Weights,Geometric mean LOS,Arithmetic mean LOS';
const table5 = (...rows: string[]): string =>
  [
    '"Table 5.--List of Medicare Severity Diagnosis-Related Groups (MS-DRGs), Relative Weighting Factors, and Geometric and Arithmetic Mean Length of Stay--FY 2026",,,,,,,,',
    ',,,,,,,,',
    HEADER,
    ...rows,
    ',,,,,,,,',
    '"* Medicare data have been supplemented by data from 19 states for low volume MS-DRGs.",,,,,,,,',
  ].join('\r\n');
const ROWS = [
  '291,Yes,No,05,MED,"HEART FAILURE AND SHOCK WITH MCC",1.2631,3.9,4.9',
  '292,Yes,No,05,MED,"HEART FAILURE AND SHOCK WITH CC",0.8708,2.9,3.5',
  '293,Yes,No,05,MED,"HEART FAILURE AND SHOCK WITHOUT CC/MCC",0.6117,2.1,2.5',
];

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n"two\nlines",,x\n')).toEqual([['a', 'b, c', 'say "hi"'], ['two\nlines', '', 'x']]);
    expect(parseCsv('last,row')).toEqual([['last', 'row']]);
  });
});

describe('CMS Table 5 import', () => {
  it('reads the weights below the header, skipping title lines, blank rows and footnotes', () => {
    const result = parseTable5(table5(...ROWS));
    expect(result).toMatchObject({ ok: true, table: { fiscalYear: 2026, headerRow: 3 } });
    if (!result.ok) return;
    expect([...result.table.weights]).toEqual([[291, 1.2631], [292, 0.8708], [293, 0.6117]]);
  });

  it('finds the columns by name, in any order, and accepts a byte-order mark', () => {
    const result = parseTable5('\uFEFFWeights,MS-DRG Title,DRG\n"1.5","X, Y",470\n');
    expect(result.ok && [...result.table.weights]).toEqual([[470, 1.5]]);
  });

  it('refuses a file without the two columns, saying which it expected', () => {
    const result = parseTable5('DRG,Title\n291,Heart failure\n');
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/expected a column "MS-DRG" and a column "Weights"/)] });
  });

  it('names the row of each bad DRG number, bad weight and duplicate, and refuses the table', () => {
    const result = parseTable5(table5(ROWS[0]!, 'X91,Yes,No,05,MED,"BAD",1.0,1,1', '292,Yes,No,05,MED,"NO WEIGHT",,2.9,3.5', '293,Yes,No,05,MED,"FINE",0.6117,2.1,2.5', '291,Yes,No,05,MED,"AGAIN",1.2631,3.9,4.9', '294,Yes,No,05,MED,"NEGATIVE",-0.5,1,1'));
    expect(result).toEqual({
      ok: false,
      errors: [
        'row 5: MS-DRG "X91" is not a DRG number (1 to 999)',
        'row 6: the weight of DRG 292, "", is not a positive number below 100',
        'row 8: DRG 291 is listed twice (first on row 4)',
        'row 9: the weight of DRG 294, "-0.5", is not a positive number below 100',
      ],
    });
  });

  it('refuses a header with no rows under it', () => {
    expect(parseTable5(`${HEADER}\n`)).toEqual({ ok: false, errors: ['no DRG rows below the header (row 1)'] });
  });

  it('lists at most ten problems', () => {
    const bad = Array.from({ length: 14 }, (_, i) => `${i + 1},,,,,"T",zero,,`);
    const result = parseTable5(table5(...bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(11);
    expect(result.errors.at(-1)).toBe('and 4 more');
  });
});
