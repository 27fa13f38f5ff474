import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRuns, decodeStarter, encodeRuns, encodeStarter } from '../../../src/codes/starter-format.ts';
import { frontDecode, frontEncode } from '../../../src/codes/front-coding.ts';
import { readFallbackStarterInput } from '../../../src/codes/starter-sources-node.ts';
import { CodeTable } from '../../../src/codes/table.ts';
import { secondarySeverity } from '../../../src/codes/validate/cc-mcc.ts';
import { excludes1Conflict } from '../../../src/codes/validate/excludes1.ts';
import { seventhCharacterCheck } from '../../../src/codes/validate/seventh-character.ts';
import { codeValidOn } from '../../../src/codes/validate/valid-on-date.ts';

const FALLBACK = resolve(process.cwd(), 'src/codes/fallback-codes.json');

describe('starter format', () => {
  it('front coding round-trips and refuses the separator inside an item', () => {
    const items = ['S72001A', 'S72001B', 'S72001C', 'S7201', 'T07XXXA', ''];
    expect(frontDecode(frontEncode(items))).toEqual(items);
    expect(() => frontEncode(['a|b'])).toThrow(/separator/);
  });

  it('position runs round-trip', () => {
    const positions = [3, 4, 5, 6, 10, 40, 41, 1000];
    expect(decodeRuns(encodeRuns(positions))).toEqual(positions);
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
