import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { BUILTIN_OPERATORS } from '../../../src/engine/operators/builtin.ts';
import { codeIn } from '../../../src/engine/operators/code-in.ts';
import { containsAnyTerm } from '../../../src/engine/operators/contains-any-term.ts';
import { applyOperator } from '../../../src/engine/operators/operator.ts';
import { isPresent } from '../../../src/engine/operators/is-present.ts';
import { hoursExceed } from '../../../src/engine/operators/hours-exceed.ts';
import { hoursWithin } from '../../../src/engine/operators/hours-within.ts';
import { interval } from '../../../src/engine/interval.ts';

const VALUES: unknown[] = [undefined, null, 0, 1, 2.5, '1', 'a', '', [], [1], ['a', 'b'], true, { a: 1 }];

describe('built-in operators restated for the index', () => {
  it.each(BUILTIN_OPERATORS.map((op) => [op.name, op] as const))('%s decides as json-rules-engine does', async (name, operator) => {
    for (const fact of VALUES) {
      for (const value of VALUES) {
        const engine = new Engine([{ conditions: { all: [{ fact: 'x', operator: name, value }] }, event: { type: 'hit' } }], { allowUndefinedFacts: true });
        let expected: boolean | 'throws';
        try {
          expected = (await engine.run({ x: fact })).events.length > 0;
        } catch {
          expected = 'throws';
        }
        let actual: boolean | 'throws';
        try {
          // The engine deep-copies a rule's conditions each run: a literal value is never the fact itself.
          actual = applyOperator(operator, fact, structuredClone(value));
        } catch {
          actual = 'throws';
        }
        expect(actual, `${JSON.stringify(fact)} ${name} ${JSON.stringify(value)}`).toBe(expected);
      }
    }
  });
});

describe('custom operators', () => {
  it('containsAnyTerm matches whole words and phrases, case-insensitive', () => {
    expect(applyOperator(containsAnyTerm, 'Resident, Internal Medicine', ['resident'])).toBe(true);
    expect(applyOperator(containsAnyTerm, 'Kim Ode, PA-C', ['PA'])).toBe(true);
    expect(applyOperator(containsAnyTerm, 'chest pain', ['PA'])).toBe(false);
    expect(applyOperator(containsAnyTerm, 'Signature on file.', ['signature on file'])).toBe(true);
    expect(applyOperator(containsAnyTerm, 'signature, then on file', ['signature on file'])).toBe(false);
  });

  it('codeIn understands exact codes, prefixes, wildcards and ranges', () => {
    const pcs = (code: string) => ({ system: 'ICD-10-PCS', code });
    expect(applyOperator(codeIn, pcs('0FT44ZZ'), ['ICD-10-PCS:0???4*'])).toBe(true);
    expect(applyOperator(codeIn, pcs('0T9B70Z'), ['ICD-10-PCS:0???4*', 'ICD-10-PCS:0???0*'])).toBe(false);
    expect(applyOperator(codeIn, { system: 'CPT', code: '47562' }, ['CPT:10021-35999', 'CPT:37000-69990'])).toBe(true);
    expect(applyOperator(codeIn, { system: 'CPT', code: '36415' }, ['CPT:10021-35999', 'CPT:37000-69990'])).toBe(false);
    expect(applyOperator(codeIn, { system: 'ICD-10-CM', code: 'E11.22' }, ['ICD-10-CM:E11*'])).toBe(true);
    expect(applyOperator(codeIn, { system: 'ICD-10-CM', code: 'E11.22' }, ['CPT:E11*'])).toBe(false);
    expect(applyOperator(codeIn, undefined, ['CPT:E11*'])).toBe(false);
  });

  it('isPresent treats blank text, empty lists and blank Fields as missing', () => {
    for (const blank of [undefined, null, '  ', [], { value: '', source: { text: '' } }]) expect(applyOperator(isPresent, blank, false)).toBe(true);
    for (const there of ['x', ['x'], { value: 'MD', source: { text: 'MD' } }, 0]) expect(applyOperator(isPresent, there, true)).toBe(true);
  });

  it('hoursExceed and hoursWithin need both ends of the interval', () => {
    expect(applyOperator(hoursExceed, interval('2026-01-10T08:00', '2026-01-12T20:00'), 48)).toBe(true);
    expect(applyOperator(hoursExceed, interval('2026-01-10T08:00', undefined), 48)).toBe(false);
    expect(applyOperator(hoursWithin, interval('2026-01-10T08:00', '2026-01-10T20:00'), 24)).toBe(true);
    expect(applyOperator(hoursWithin, interval('2026-01-10T08:00', '2026-01-09T20:00'), 24)).toBe(false);
  });
});
