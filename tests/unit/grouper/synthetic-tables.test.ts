// The grouper is driven by its tables alone: a tiny hand-made table set (no ../shared needed)
// exercises decoding, the first-row-wins search, reroutes, CC exclusion, row suppression,
// clusters and the derived operands.
import { describe, expect, it } from 'vitest';
import { matchClusters } from '../../../src/grouper/clusters.ts';
import { buildFacts } from '../../../src/grouper/facts.ts';
import { groupClaim } from '../../../src/grouper/grouper.ts';
import { prepareClaim } from '../../../src/grouper/prepare.ts';
import { decodeGrouperTables } from '../../../src/grouper/tables.ts';
import type { Claim } from '../../../src/grouper/types.ts';

const row = (rank: number, drg: number, formula: string, extra: Record<string, unknown> = {}) => ({ rank, drg, baseDrg: drg, type: drg >= 900 ? 'NA' : 'MEDICAL', formula, drgSeverity: 0, ...extra });

const tables = decodeGrouperTables({
  meta: { groupedVersion: 'V431' },
  // code: [mdc, severity, exclusion collection, operands pattern, dx-category pattern, HAC pattern]
  dx: {
    P1: [5, '', 1, 1, 0, 0],
    M1: [4, 'MCC', 0, 0, 0, 0],
    C1: [5, 'CC', 0, 2, 0, 0],
    X1: [5, 'MCC', 0, 0, 0, 0],
    T1: [21, 'CC', 0, 3, 0, 0],
    T2: [21, 'CC', 0, 4, 0, 0],
  },
  pdxExclusionCollections: { 1: ['X1'] },
  dxPatterns: { 1: ['heart'], 2: ['ami'], 3: ['strauma', 'sthead'], 4: ['strauma', 'stchest'] },
  prPatterns: { 1: ['d468', 'hipa'], 2: ['nonor', 'hipb'], 3: ['hiprev'], 4: ['stent3', 'NORstent'], 5: ['righthip'], 6: ['lefthip'] },
  sg: { OR1: 1, NOR1: 2, ST1: 4, RH: 5, LH: 6 },
  sexDependentMdc: {},
  drgs: { 1: { title: 'Revision', type: 'SURGICAL' }, 2: { title: 'Heart with MCC', type: 'MEDICAL' }, 3: { title: 'Heart with CC', type: 'MEDICAL' }, 4: { title: 'Heart', type: 'MEDICAL' }, 5: { title: 'Unrelated O.R.', type: 'SURGICAL' }, 6: { title: 'Trauma', type: 'MEDICAL' } },
  formulas: {
    0: [row(1, 0, 'INVALID_PDX'), row(2, 0, 'PDX:strauma & MULTST', { reRouteMdc: 24 })],
    5: [row(1, 0, 'MDC05'), row(2, 1, 'hiprev'), row(3, 2, 'heart & MCC', { severitySuppression: ['ami'] }), row(4, 3, 'heart & CC', { severitySuppression: ['ami'] }), row(5, 0, 'd468', { reRouteMdc: 29 }), row(6, 4, 'heart')],
    21: [row(1, 4, 'PDX:strauma')],
    24: [row(1, 6, 'PDX:strauma')],
    29: [row(1, 5, 'd468')],
  },
  hac: {},
  hacFormulas: {},
  clusters: { 'Z@0001': [{ suppressionMdcs: [5], choices: [[1, ['OR1']], [2, ['NOR1']]] }] },
  clusterOperands: { 'Z@0001': 3 },
  codeToClusters: { OR1: ['Z@0001'], NOR1: ['Z@0001'] },
});

const claim = (over: Partial<Claim>): Claim => ({
  id: 'S', age: 50, sex: 'F', dischargeStatus: '01', admitDate: '2026-05-01', dischargeDate: '2026-05-03',
  pdx: { code: 'P1', poa: 'Y' }, sdx: [], procedures: [], ...over,
});

describe('grouping from a hand-made table set', () => {
  it('takes the first row that holds, with the severity of the secondaries', () => {
    expect(groupClaim(tables, claim({})).drg).toBe(4);
    expect(groupClaim(tables, claim({ sdx: [{ code: 'M1', poa: 'Y' }] }))).toMatchObject({ drg: 2, severity: 'MCC', drgTitle: 'Heart with MCC' });
  });

  it('cancels a secondary listed in the collection on the principal', () => {
    const r = groupClaim(tables, claim({ sdx: [{ code: 'X1', poa: 'Y' }] }));
    expect(r).toMatchObject({ drg: 4, sdxSeverity: 'NON_CC', sdx: [{ severity: 'MCC_EXCLUDED' }] });
  });

  it('does not count a secondary on a row suppression list for that row', () => {
    // C1 is a CC on the ami list, which rows 3-4 suppress: it cannot make DRG 3.
    const r = groupClaim(tables, claim({ sdx: [{ code: 'C1', poa: 'Y' }] }));
    expect(r).toMatchObject({ drg: 4, severity: 'NONE', sdxSeverity: 'CC', sdx: [{ severity: 'CC' }] });
  });

  it('reroutes an unrelated O.R. procedure to the MDC 29 table, keeping the principal MDC', () => {
    expect(groupClaim(tables, claim({ procedures: ['OR1'] }))).toMatchObject({ drg: 5, mdc: 5, medSurg: 'SURGICAL', procedures: [{ or: true }] });
  });

  it('completes a cluster: its operand holds and its members no longer count alone in MDC 5', () => {
    const p = prepareClaim(tables, claim({ procedures: ['NOR1', 'OR1'] }));
    expect(matchClusters(tables, ['NOR1', 'OR1']).map((c) => c.id)).toEqual(['Z@0001']);
    expect(p.procs.map((x) => x.suppression)).toEqual([1 << 5, 1 << 5]);
    expect(groupClaim(tables, claim({ procedures: ['NOR1', 'OR1'] }))).toMatchObject({ drg: 1, procedures: [{ affectsDrg: 'BOTH' }, { affectsDrg: 'BOTH' }] });
  });

  it('routes two significant-trauma body areas to MDC 24 from the pre-MDC table', () => {
    expect(groupClaim(tables, claim({ pdx: { code: 'T1', poa: 'Y' } }))).toMatchObject({ drg: 4, mdc: 21 });
    expect(groupClaim(tables, claim({ pdx: { code: 'T1', poa: 'Y' }, sdx: [{ code: 'T2', poa: 'Y' }] }))).toMatchObject({ drg: 6, mdc: 24, sdx: [{ affectsDrg: 'BOTH' }] });
  });

  it('is ungroupable with an invalid principal', () => {
    expect(groupClaim(tables, claim({ pdx: { code: 'NOPE', poa: 'Y' } }))).toMatchObject({ drg: 999, mdc: 0, returnCode: 'INVALID_PDX', pdx: { recognized: false } });
  });

  it('derives claim-level operands: bilateral joints, stents, discharge status', () => {
    const facts = buildFacts(prepareClaim(tables, claim({ procedures: ['RH', 'LH', 'ST1', 'ST1'], dischargeStatus: '20' })));
    expect(['BILATERAL', 'FOUR_STENTS', 'DIED'].every((k) => facts.has(k))).toBe(true);
    expect(facts.has('ALIVE')).toBe(false);
    const one = buildFacts(prepareClaim(tables, claim({ procedures: ['RH', 'ST1'] })));
    expect(['BILATERAL', 'FOUR_STENTS'].some((k) => one.has(k))).toBe(false);
  });
});
