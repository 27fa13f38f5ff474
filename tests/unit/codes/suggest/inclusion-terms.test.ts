// The tabular list's inclusion terms as lexicon phrases (inclusion-terms.ts): the committed
// inclusion-terms.json is what scripts/build-inclusion-terms.ts makes of the official tabular
// XML, a header's terms stand for its one "unspecified" child, and the written variants.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIcd10cmTabularXml } from '../../../../src/codes/icd10cm-tabular-xml.ts';
import { CodeTable } from '../../../../src/codes/table.ts';
import { billableChildren, defaultCodeOf, INCLUSION_SOURCE, inclusionFileText, inclusionPhrases } from '../../../../src/codes/suggest/inclusion-terms.ts';
import { phraseVariants } from '../../../../src/codes/suggest/title-variants.ts';

const XML = resolve(process.cwd(), '../shared/codesets', INCLUSION_SOURCE);
const FILE = resolve(process.cwd(), 'src/codes/suggest/inclusion-terms.json');

describe.skipIf(!existsSync(XML))('inclusion-terms.json', () => {
  it('is what the build script makes of the official tabular XML (regenerate: npx tsx scripts/build-inclusion-terms.ts)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(inclusionFileText(importIcd10cmTabularXml(readFileSync(XML)).nodes));
  }, 60_000);
});

describe('inclusion terms against a table', () => {
  const release = { system: 'icd10cm' as const, fiscalYear: 2027, effectiveFrom: '2026-10-01', effectiveTo: '2027-09-30', source: 'test' };
  const table = new CodeTable({
    release,
    entries: [
      { code: 'E662', billable: true, short: 'Morbid (severe) obesity with alveolar hypoventilation' },
      { code: 'I503', billable: false, short: 'Diastolic (congestive) heart failure' },
      { code: 'I5030', billable: true, short: 'Unspecified diastolic (congestive) heart failure' },
      { code: 'I5031', billable: true, short: 'Acute diastolic (congestive) heart failure' },
      { code: 'A047', billable: false, short: 'Enterocolitis due to Clostridium difficile' },
      { code: 'A0471', billable: true, short: 'Enterocolitis due to Clostridium difficile, recurrent' },
      { code: 'A0472', billable: true, short: 'Enterocolitis due to Clostridium difficile, not specified as recurrent' },
    ],
  });
  const children = billableChildren(table);

  it.each([
    ['E66.2', 'E662', 'a billable level: itself'],
    ['I503', 'I5030', 'a header: its one "unspecified" child'],
    ['A047', undefined, 'a header with no "unspecified" child: nothing'],
    ['Z99', undefined, 'a level not in the table: nothing'],
  ])('%s → %s (%s)', (node, code, _why) => {
    expect(defaultCodeOf(table, node, children)).toBe(code);
  });

  it('gives each term in its written variants', () => {
    const phrases = inclusionPhrases(table, { E662: ['Obesity hypoventilation syndrome (OHS)'], I503: ['Heart failure with preserved ejection fraction [HFpEF]'], A047: ['Pseudomembraneous colitis'] });
    expect(phrases).toEqual([
      { phrase: 'Obesity hypoventilation syndrome OHS', code: 'E662' },
      { phrase: 'Obesity hypoventilation syndrome', code: 'E662' },
      { phrase: 'Heart failure with preserved ejection fraction HFpEF', code: 'I5030' },
      { phrase: 'Heart failure with preserved ejection fraction', code: 'I5030' },
    ]);
  });
});

describe('written variants of a classification phrase', () => {
  it.each([
    ['Chronic (viral) hepatitis B', ['Chronic viral hepatitis B', 'Chronic hepatitis B']],
    ["Hashimoto's thyroiditis", ["Hashimoto's thyroiditis", 'Hashimoto thyroiditis']],
    ['Bacillary dysentery NOS', ['Bacillary dysentery']],
  ])('%s → %j', (term, variants) => {
    expect(phraseVariants(term)).toEqual(variants);
  });
});
