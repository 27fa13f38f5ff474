import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { trieDecode, trieEncode } from '../../../src/codes/code-trie.ts';
import { decodeStarter, encodeStarter, type StarterData, type StarterInput } from '../../../src/codes/starter-format.ts';
import { frontDecode, frontEncode } from '../../../src/codes/front-coding.ts';
import { decodeCollections, encodeCollections } from '../../../src/codes/starter-collections.ts';
import { decodeColumn, encodeColumn } from '../../../src/codes/starter-columns.ts';
import { readFallbackStarterInput, readSharedStarterInput } from '../../../src/codes/starter-sources-node.ts';
import { CodeTable, type CodeTableParts } from '../../../src/codes/table.ts';
import { encodeUints, pushRuns, readRuns, uintLength, UintReader } from '../../../src/codes/uint-stream.ts';
import { secondarySeverity } from '../../../src/codes/validate/cc-mcc.ts';
import { excludes1Conflict } from '../../../src/codes/validate/excludes1.ts';
import { seventhCharacterCheck } from '../../../src/codes/validate/seventh-character.ts';
import { sexConflict } from '../../../src/codes/validate/sex-conflict.ts';
import { codeValidOn } from '../../../src/codes/validate/valid-on-date.ts';
import { decodeTexts, decodeTitles, decodeWords, encodeWordTexts } from '../../../src/codes/word-coding.ts';
import { hasShared, SHARED_CODESETS } from './shared-codesets.ts';

const FALLBACK = resolve(process.cwd(), 'src/codes/fallback-codes.json');

describe('starter format', () => {
  it('front coding round-trips and refuses the separator inside an item', () => {
    const items = ['S72001A', 'S72001B', 'S72001C', 'S7201', 'T07XXXA', ''];
    expect(frontDecode(frontEncode(items))).toEqual(items);
    expect(() => frontEncode(['a|b'])).toThrow(/separator/);
  });

  it('position runs round-trip', () => {
    const positions = [3, 4, 5, 6, 10, 40, 41, 1000];
    const roundTrip = (list: number[]) => {
      const out: number[] = [];
      pushRuns(out, list);
      return readRuns(new UintReader(encodeUints(out)));
    };
    expect(roundTrip(positions)).toEqual(positions);
    expect(roundTrip([])).toEqual([]);
  });

  it('uint streams: every boundary round-trips, in printable ASCII without quote or backslash', () => {
    const numbers = [0, 1, 59, 60, 61, 1919, 1920, 1921, 59_579, 59_580, 1_000_000, Number.MAX_SAFE_INTEGER];
    const text = encodeUints(numbers);
    expect(text).toMatch(/^[#-[\]-~]+$/);
    expect(text.length).toBe(numbers.reduce((sum, n) => sum + uintLength(n), 0));
    expect([uintLength(59), uintLength(60), uintLength(1919), uintLength(1920)]).toEqual([1, 2, 2, 3]);
    const reader = new UintReader(text);
    expect(numbers.map(() => reader.next())).toEqual(numbers);
    expect(reader.done).toBe(true);
    expect(() => reader.next()).toThrow(/missing digit/);
    expect(() => encodeUints([-1])).toThrow(/non-negative/);
  });

  it('a code trie gives the codes back sorted, prefixes that are not codes included', () => {
    const codes = ['T07XXXA', 'S72001A', 'S7200', 'S72001', 'A00', 'S72001B', 'A000', 'T07XXXS', 'A001'];
    expect(trieDecode(trieEncode(codes))).toEqual([...codes].sort());
    expect(trieDecode(trieEncode([]))).toEqual([]);
    expect(() => trieEncode(['A 1'])).toThrow(/space/);
  });

  it('word coding gives titles and texts back exactly', () => {
    const titles = ['Cholera', 'Cholera due to Vibrio cholerae', 'Cholera due to Vibrio cholerae', '', 'Two  spaces ', ' lead', 'Cholera, unsp'];
    const texts = ['type 1 diabetes mellitus (E10.-)', 'Cholera', ''];
    const coded = encodeWordTexts(titles, texts);
    const words = decodeWords(coded);
    expect(decodeTitles(words, coded)).toEqual(titles);
    expect(decodeTexts(words, coded)).toEqual(texts);
  });

  it('columns keep one value per code, runs split between billable codes and headers', () => {
    const header = [true, false, false, true, false, false, false, true];
    const values = ['-', 'a', 'a', 'b', 'a', 'a', 'c', '-'];
    const column = encodeColumn(values, header);
    const { values: distinct, at } = decodeColumn(column, Uint8Array.from(header, Number));
    expect([...at].map((i) => distinct[i])).toEqual(values);
    expect(() => decodeColumn(column, new Uint8Array(5))).toThrow(/runs do not match|digit/);
  });

  it('PDX-exclusion collections round-trip, also when written as changes to an earlier one', () => {
    const big = Array.from({ length: 200 }, (_, i) => i * 3);
    const collections = [
      { id: 7, positions: [5, 1, 2, 3] },
      { id: 2, positions: big },
      { id: 9, positions: [...big.filter((p) => p !== 30), 1000] },
      { id: 10, positions: [] },
    ];
    const text = encodeCollections(collections);
    const sorted = [...collections].sort((a, b) => a.id - b.id).map((c) => ({ id: c.id, positions: [...c.positions].sort((a, b) => a - b) }));
    expect(decodeCollections(text)).toEqual(sorted);
    // The third is stored as two changes to the second, not as 200 positions again.
    expect(text.length).toBeLessThan(encodeCollections(collections.slice(0, 2)).length + 20);
  });
});

describe('fallback starter list (committed, used when ../shared is absent)', () => {
  const input = readFallbackStarterInput(FALLBACK);
  const table = new CodeTable(decodeStarter(encodeStarter(input)));

  it('has a few hundred codes, every header above each billable code', () => {
    expect(table.size).toBeGreaterThan(300);
    for (const entry of table.all().filter((e) => e.billable)) {
      for (let n = 3; n < entry.code.length; n++) {
        const prefix = entry.code.slice(0, n);
        if (!prefix.endsWith('X')) expect(table.get(prefix)?.billable, `${prefix} of ${entry.code}`).toBe(false);
      }
    }
  });

  it('survives encoding with its flags and notes', () => {
    expect(table.get('E11.22')?.short).toBe('Type 2 diabetes mellitus w diabetic chronic kidney disease');
    expect(secondarySeverity(table, 'I50.23', 'I50.9')?.effective).toBe('');
    expect(secondarySeverity(table, 'I50.23', 'J18.9')?.effective).toBe('MCC');
    expect(excludes1Conflict(table, 'E11.9', 'E10.9')).toBeDefined();
    expect(seventhCharacterCheck(table, 'S72.001').status).toBe('missing-seventh');
    expect(table.mcePeriods('F02.80')?.[0]?.flags).toEqual(['manifestation']);
  });

  it('is partial: a code it lacks is "not covered", never called invalid', () => {
    expect(table.release.partial).toBe(true);
    expect(codeValidOn(table, 'L40.0', '2026-11-20').status).toBe('not-covered');
    expect(codeValidOn(table, 'E11.22', '2026-11-20').status).toBe('valid');
  });
});

type Canonical = Pick<StarterInput, 'entries' | 'notes'> & Pick<NonNullable<StarterInput['drg']>, 'pdxCollections'> & {
  mce: NonNullable<StarterInput['mce']>['dx'];
  drg: NonNullable<StarterInput['drg']>['dx'];
};

/** Input or decoded data in one order, to compare them field by field. */
function canonical(data: Canonical): Canonical {
  const byCode = <T extends { code: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    entries: byCode(data.entries).map((e) => ({ code: e.code, billable: e.billable, short: e.short })),
    mce: byCode(data.mce),
    drg: byCode(data.drg),
    pdxCollections: [...data.pdxCollections].sort((a, b) => a.id - b.id).map((c) => ({ id: c.id, codes: [...new Set(c.codes)].sort() })),
    notes: [...data.notes].sort((a, b) => (`${a.level}\t${a.kind}\t${a.text}` < `${b.level}\t${b.kind}\t${b.text}` ? -1 : 1)),
  };
}

function fromInput(input: StarterInput): Canonical {
  return { entries: input.entries, notes: input.notes, mce: input.mce?.dx ?? [], drg: input.drg?.dx ?? [], pdxCollections: input.drg?.pdxCollections ?? [] };
}

/** Decodes the encoding of `input`, through JSON as the build writes it. */
function throughFormat(input: StarterInput): CodeTableParts {
  return decodeStarter(JSON.parse(JSON.stringify(encodeStarter(input))) as StarterData);
}

function fromParts(parts: CodeTableParts): Canonical {
  const notes: Canonical['notes'] = [];
  for (const level of [...(parts.tabular?.ranges ?? []), ...(parts.tabular?.nodes ?? [])]) {
    for (const kind of ['excludes1', 'useAdditionalCode', 'codeFirst'] as const) {
      for (const n of level[kind] ?? []) notes.push({ level: 'code' in level ? level.code : level.id, kind, text: n.text });
    }
  }
  return { entries: [...parts.entries], notes, mce: [...(parts.mce?.dx ?? [])], drg: [...(parts.drg?.dx ?? [])], pdxCollections: [...(parts.drg?.pdxCollections ?? [])] };
}

it('the fallback list survives the format unchanged', () => {
  const input = readFallbackStarterInput(FALLBACK);
  expect(canonical(fromParts(throughFormat(input)))).toEqual(canonical(fromInput(input)));
});

describe.skipIf(!hasShared)('the starter table built from ../shared/codesets', () => {
  let input: StarterInput;
  let json: string;
  let table: CodeTable;
  beforeAll(() => {
    input = readSharedStarterInput(SHARED_CODESETS);
    json = JSON.stringify(encodeStarter(input));
    table = new CodeTable(decodeStarter(JSON.parse(json) as StarterData));
  }, 60_000);

  it('loses nothing: codes, flags, titles, MCE periods, MS-DRG attributes, collections, notes', () => {
    expect(canonical(fromParts(decodeStarter(JSON.parse(json) as StarterData)))).toEqual(canonical(fromInput(input)));
  });

  it('stays within the 2 MB budget of issue 5', () => {
    expect(json.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('keeps the MCE periods of codes deleted before FY2027, with their sex flags', () => {
    // O35.0XX0 was valid FY2016-FY2022 only, female-only; S23.420A was deleted in FY2027.
    expect(table.get('O35.0XX0')).toBeUndefined();
    expect(table.mcePeriods('O35.0XX0')).toEqual([{ from: '2015-10-01', to: '2022-09-30', flags: ['maternity', 'female'] }]);
    expect(codeValidOn(table, 'O35.0XX0', '2021-05-01').status).toBe('valid');
    expect(codeValidOn(table, 'O35.0XX0', '2023-05-01').status).toBe('not-in-effect');
    expect(sexConflict(table, 'O35.0XX0', 'male', '2021-05-01')).toEqual({ code: 'O35.0XX0', requires: 'female', sex: 'male' });
    expect(codeValidOn(table, 'S23.420A', '2026-05-01').status).toBe('valid');
    expect(codeValidOn(table, 'S23.420A', '2026-11-01').status).toBe('unknown');
    expect(table.drgAttributes('S23.420A')).toBeDefined();
  });
});

const GENERATED = resolve(process.cwd(), 'src/codes/generated/starter-codes.json');
describe.skipIf(!existsSync(GENERATED))('the generated starter table', () => {
  it('loads through loadStarterTable() and knows its origin', async () => {
    const { loadStarterTable, starterOrigin } = await import('../../../src/codes/starter-table.ts');
    const table = loadStarterTable();
    expect(table.release.fiscalYear).toBe(2027);
    expect(table.get('E11.22')?.billable).toBe(true);
    expect(loadStarterTable()).toBe(table);
    expect(['shared-codesets', 'fallback']).toContain(starterOrigin().builtFrom);
  });
});
