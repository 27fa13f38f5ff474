import { describe, expect, it } from 'vitest';
import { atomsOf, evaluate, matchedAtoms, parseFormula } from '../../../src/grouper/formula.ts';

const facts = new Map<string, number>([
  ['PDX:strauma', 0],
  ['MULTST', 0],
  ['d468', 0],
  // A component of a completed cluster: does not count on its own in MDC 8.
  ['revision', 1 << 8],
]);

describe('DRG formulas', () => {
  it('binds & tighter than |, and ~ to the next factor', () => {
    expect(evaluate(parseFormula('d477 | d468 & MULTST'), facts, 0, null)).toBe(true);
    expect(evaluate(parseFormula('(d477 | d468) & ~MULTST'), facts, 0, null)).toBe(false);
    expect(evaluate(parseFormula('~PDX:mouthlip & d468'), facts, 0, null)).toBe(true);
  });

  it('reads MCC and CC as the severity computed for the row, not as operands', () => {
    const f = parseFormula('(d468) & (MCC | CC)');
    expect(evaluate(f, facts, 0, 'CC')).toBe(true);
    expect(evaluate(f, facts, 0, null)).toBe(false);
    expect(evaluate(parseFormula('d468 & MCC'), facts, 0, 'CC')).toBe(false);
  });

  it('does not count an operand in an MDC that suppresses it', () => {
    expect(evaluate(parseFormula('revision'), facts, 8, null)).toBe(false);
    expect(evaluate(parseFormula('revision'), facts, 5, null)).toBe(true);
  });

  it('names the operands that made it hold: the first holding side of an or, nothing under a not', () => {
    const f = parseFormula('(d468 | MULTST) & PDX:strauma & ~PDX:hiv');
    expect([...matchedAtoms(f, facts, 0, null)].sort()).toEqual(['PDX:strauma', 'd468']);
    expect([...atomsOf(f)].sort()).toEqual(['MULTST', 'PDX:hiv', 'PDX:strauma', 'd468']);
  });

  it('rejects a malformed formula', () => {
    expect(() => parseFormula('(d468 & MCC')).toThrow(/missing \)/);
    expect(() => parseFormula('d468 &')).toThrow(/unexpected end/);
    expect(() => parseFormula('d468 d477')).toThrow(/trailing/);
  });
});
