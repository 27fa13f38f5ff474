// The extension's compact grouper/MCE tables must decode to exactly the tables Node reads from
// the CMS files: checked on a small hand-made pair of files, and (when ../shared is present) on
// the full v43.1 tables with the 1,000 oracle claims grouped both ways.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseClaim } from '../../../src/grouper/claim-input.ts';
import { encodeCompactTables } from '../../../src/grouper/compact-encode.ts';
import { asCompactTablesFile, decodeCompactTables, type DecodedTables } from '../../../src/grouper/compact-format.ts';
import { groupAndEdit } from '../../../src/grouper/group-and-edit.ts';
import { MCE_FILE, MSDRG_FILE } from '../../../src/grouper/load-node.ts';
import { decodeMceTables } from '../../../src/grouper/mce-tables.ts';
import { decodeGrouperTables } from '../../../src/grouper/tables.ts';
import type { Claim } from '../../../src/grouper/types.ts';
import { hasOracle, oracleLines, SHARED_CODESETS, sharedTables } from './oracle.ts';

const row = (rank: number, drg: number, formula: string, extra: Record<string, unknown> = {}) => ({ rank, drg, baseDrg: drg, type: 'MEDICAL', formula, drgSeverity: 0, ...extra });

const MSDRG = {
  meta: { groupedVersion: 'V431', source: 'hand-made' },
  mdcs: { 5: 'Diseases and Disorders of the Circulatory System' },
  dx: { P1: [5, '', 1, 1, 0, 0], M1: [4, 'MCC', 0, 0, 0, 2], C1: [5, 'CC', 0, 2, 3, 0], X1: [5, 'MCC', 0, 0, 0, 0], Q1: [12, '', 0, 0, 0, 0] },
  pdxExclusionCollections: { 1: ['X1', 'C1'], 2: ['X1'] },
  dxPatterns: { 1: ['heart'], 2: ['HAC05', 'ami'], 3: ['dxc0511'] },
  prPatterns: { 1: ['d468', 'hipa'], 2: ['nonor', 'hipb'], 3: ['hiprev'] },
  sg: { OR1AAAA: 1, NOR1AAA: 2, PLAIN00: 0 },
  sexDependentMdc: { Q1: { male: 12, female: 13 } },
  drgs: { 2: { title: 'Heart with MCC', type: 'MEDICAL', mdcs: [5], baseDrg: 2 }, 4: { title: 'Heart', type: 'MEDICAL', mdcs: [5], baseDrg: 2 } },
  formulas: { 5: [row(2, 4, 'heart'), row(1, 2, 'heart & MCC', { severitySuppression: ['ami'], reRouteMdc: 0 })] },
  hac: { M1: [['HAC05'], [5]], OR1AAAA: [['hac05_proc'], [5]] },
  hacFormulas: { 5: ['SDX:HAC05 & ~POA'] },
  clusters: { 'Z@0007': [{ suppressionMdcs: [5, 8], choices: [[1, ['OR1AAAA']], [2, ['NOR1AAA', 'OR1AAAA']]] }], 'Z@0012': [] },
  clusterOperands: { 'Z@0007': 3, 'Z@0012': 1 },
  codeToClusters: { OR1AAAA: ['Z@0007'], NOR1AAA: ['Z@0007'] },
};
const MCE = {
  meta: { mceVersion: 431, terminationDate: '20260930' },
  ageRanges: [{ ageGroup: 'Adult', startAge: 15, endAge: 124, startDate: '19840301', endDate: '' }],
  dischargeStatus: { entries: [[1, '19801001', ''], [20, '19801001', '']] },
  dx: { P1: [['20151001', '']], M1: [['20151001', '20240930', 'adult', 'female'], ['20241001', '', 'adult']], OLD1: [['20151001', '20160930']] },
  sg: { OR1AAAA: [['20151001', '', 'noncovered']], NOR1AAA: [['20151001', '']] },
};

const entries = (m: ReadonlyMap<unknown, unknown>): unknown[] =>
  [...m].map(([k, v]) => [k, v instanceof Set ? [...(v as Set<string>)].sort() : v]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));

/** The decoded tables agree map by map (codeToClusters: as sets, over clusters that exist). */
function expectSameTables(got: DecodedTables, want: DecodedTables): void {
  for (const key of ['dx', 'exclusions', 'sg', 'sexMdc', 'drgs', 'formulas', 'hac', 'hacFormulas', 'clusters'] as const) {
    expect(isDeepStrictEqual(entries(got.grouper[key]), entries(want.grouper[key])), key).toBe(true);
  }
  const memberships = (t: DecodedTables) =>
    [...t.grouper.codeToClusters]
      .map(([code, ids]): [string, string[]] => [code, ids.filter((id) => t.grouper.clusters.has(id)).sort()])
      .filter(([, ids]) => ids.length > 0)
      .sort();
  expect(memberships(got)).toEqual(memberships(want));
  expect(got.grouper.version).toBe(want.grouper.version);
  expect({ ...got.mce, dx: entries(got.mce.dx), sg: entries(got.mce.sg) }).toEqual({ ...want.mce, dx: entries(want.mce.dx), sg: entries(want.mce.sg) });
}

/** Encoded, written as JSON, read back and decoded, as the build and the worker do. */
const roundTrip = (msdrg: Record<string, unknown>, mce: Record<string, unknown>): DecodedTables =>
  decodeCompactTables(asCompactTablesFile(JSON.parse(JSON.stringify(encodeCompactTables(msdrg, mce, ['test'])))) as Parameters<typeof decodeCompactTables>[0]);

describe('compact grouper tables', () => {
  it('decode to the tables of the hand-made files', () => {
    const got = roundTrip(MSDRG, MCE);
    expectSameTables(got, { grouper: decodeGrouperTables(MSDRG), mce: decodeMceTables(MCE) });
    expect(got.grouper.dx.get('C1')).toEqual({ mdc: 5, severity: 1, exclusion: 0, attrs: ['HAC05', 'ami', 'dxc0511'], hacAttrs: [] });
    expect(got.grouper.hac.get('OR1AAAA')).toEqual({ operands: ['hac05_proc'], numbers: [5] });
    expect(got.grouper.dx.get('OLD1')).toBeUndefined();
    expect(got.mce.dx.get('OLD1')).toEqual([{ from: '20151001', to: '20160930', flags: [] }]);
    expect(got.grouper.exclusions.get(1)).toEqual(new Set(['C1', 'X1']));
    expect(got.mdcTitles?.get(5)).toBe('Diseases and Disorders of the Circulatory System');
  });

  it('group claims as the Node tables do', () => {
    const node = { grouper: decodeGrouperTables(MSDRG), mce: decodeMceTables(MCE) };
    const compact = roundTrip(MSDRG, MCE);
    const claim = (over: Partial<Claim>): Claim => ({ id: 'c', age: 70, sex: 'F', dischargeStatus: '01', admitDate: '2026-05-01', dischargeDate: '2026-05-04', pdx: { code: 'P1', poa: 'Y' }, sdx: [], procedures: [], ...over });
    const claims = [claim({}), claim({ sdx: [{ code: 'M1', poa: 'N' }] }), claim({ sdx: [{ code: 'M1', poa: 'Y' }] }), claim({ sdx: [{ code: 'X1', poa: 'Y' }], procedures: ['OR1AAAA', 'NOR1AAA'] }), claim({ pdx: { code: 'Q1', poa: 'Y' }, sex: 'M' })];
    for (const c of claims) expect(groupAndEdit(compact, c)).toEqual(groupAndEdit(node, c));
    // No secondary; an MCC acquired in hospital (HAC 5); the same MCC present on admission; an
    // MCC the principal excludes; a principal whose MDC (12, male) has no table rows.
    expect(claims.map((c) => groupAndEdit(compact, c).drg)).toEqual([4, 4, 2, 4, 999]);
  });

  it('refuse data in another format', () => {
    expect(() => asCompactTablesFile({ format: 'chartlint-starter-codes/2' })).toThrow(/not in format/);
    expect(asCompactTablesFile({ format: 'chartlint-grouper-tables/1', builtFrom: 'absent', reason: 'no files' })).toMatchObject({ builtFrom: 'absent' });
  });
});

describe.skipIf(!hasOracle)('compact grouper tables from the v43.1 CMS files', () => {
  let compact: DecodedTables;
  beforeAll(() => {
    const read = (file: string) => JSON.parse(readFileSync(resolve(SHARED_CODESETS, file), 'utf8')) as Record<string, unknown>;
    compact = roundTrip(read(MSDRG_FILE), read(MCE_FILE));
  });

  it('decode to exactly the tables read from the CMS files', () => {
    expectSameTables(compact, sharedTables());
  });

  it('give the same answers on the 1,000 oracle claims', () => {
    const claims = oracleLines('claims.jsonl').map((l) => parseClaim(JSON.parse(l)));
    const differ = claims.filter((c) => !isDeepStrictEqual(groupAndEdit(compact, c), groupAndEdit(sharedTables(), c))).map((c) => c.id);
    expect(differ).toEqual([]);
  });
});
