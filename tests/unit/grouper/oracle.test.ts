import { beforeAll, describe, expect, it } from 'vitest';
import { parseClaim } from '../../../src/grouper/claim-input.ts';
import { groupAndEdit } from '../../../src/grouper/group-and-edit.ts';
import type { GroupResult, MceResult } from '../../../src/grouper/types.ts';
import { hasOracle, oracleLines, sharedTables } from './oracle.ts';

// What the CMS software returned, as far as the comparisons below read it.
interface Expected {
  id: string;
  drg: number;
  mdc: number;
  returnCode: string;
  severity: string;
  medSurg: string;
  sdxSeverity: string;
  initialDrg: number;
  hacStatus: string;
  sdx: { severity: string; affectsDrg: string; poaError: string }[];
  procedures: { or: boolean; affectsDrg: string }[];
  mce: MceResult;
}

const editSet = (mce: MceResult): string =>
  JSON.stringify(mce.edits.map((e) => `${e.edit}:${e.codes.map((c) => `${c.role}/${c.code}`).sort().join(',')}`).sort());

/** Share of claims on which `same` holds, with the ids where it does not. */
function agreement(pairs: [GroupResult, Expected][], same: (got: GroupResult, want: Expected) => boolean): { share: number; misses: string[] } {
  const misses = pairs.filter(([got, want]) => !same(got, want)).map(([, want]) => want.id);
  return { share: 1 - misses.length / pairs.length, misses };
}

// The bar of issue 13: 99.9 % of the 1,000 claims for each figure (measured: 100 %).
const BAR = 0.999;

describe.skipIf(!hasOracle)('MS-DRG v43.1 grouper and MCE against the CMS software (1,000 oracle claims)', () => {
  let pairs: [GroupResult, Expected][] = [];
  beforeAll(() => {
    const tables = sharedTables();
    const expected = oracleLines('expected.jsonl').map((l) => JSON.parse(l) as Expected);
    pairs = oracleLines('claims.jsonl').map((line, i): [GroupResult, Expected] => [groupAndEdit(tables, parseClaim(JSON.parse(line))), expected[i]!]);
  });

  it('reads every claim, in the order of the answers', () => {
    expect(pairs).toHaveLength(1000);
    expect(pairs.every(([got, want]) => got.id === want.id)).toBe(true);
  });

  it('agrees on DRG + MDC + return code', () => {
    const a = agreement(pairs, (g, w) => g.drg === w.drg && g.mdc === w.mdc && g.returnCode === w.returnCode);
    expect(a.share, `misses: ${a.misses.join(' ')}`).toBeGreaterThanOrEqual(BAR);
  });

  it('agrees on the CC/MCC usage of every secondary diagnosis', () => {
    const a = agreement(pairs, (g, w) => g.sdx.length === w.sdx.length && g.sdx.every((s, i) => s.severity === w.sdx[i]?.severity));
    expect(a.share, `misses: ${a.misses.join(' ')}`).toBeGreaterThanOrEqual(BAR);
  });

  it('agrees on the set of MCE edits and the codes each names', () => {
    const a = agreement(pairs, (g, w) => editSet(g.mce) === editSet(w.mce) && g.mce.editType === w.mce.editType);
    expect(a.share, `misses: ${a.misses.join(' ')}`).toBeGreaterThanOrEqual(BAR);
  });

  it('agrees on the other claim fields: severity used, medical/surgical, initial DRG, HAC status', () => {
    const a = agreement(
      pairs,
      (g, w) => g.severity === w.severity && g.sdxSeverity === w.sdxSeverity && g.medSurg === w.medSurg && g.initialDrg === w.initialDrg && g.hacStatus === w.hacStatus,
    );
    expect(a.share, `misses: ${a.misses.join(' ')}`).toBeGreaterThanOrEqual(BAR);
  });

  it('agrees on which codes affected the DRG, POA checks and O.R. flags', () => {
    const a = agreement(
      pairs,
      (g, w) =>
        g.sdx.every((s, i) => s.affectsDrg === w.sdx[i]?.affectsDrg && s.poaError === w.sdx[i]?.poaError) &&
        g.procedures.every((p, i) => p.or === w.procedures[i]?.or && p.affectsDrg === w.procedures[i]?.affectsDrg),
    );
    expect(a.share, `misses: ${a.misses.join(' ')}`).toBeGreaterThanOrEqual(BAR);
  });
});
