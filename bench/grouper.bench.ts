/**
 * MS-DRG v43.1 grouper + MCE: table load time, claims grouped per second in Node (grouper
 * alone, MCE alone, both; issue 13 goal >= 20,000/s), the what-if time for one chart (ten
 * candidate codes; goal <= 10 ms), and agreement with the CMS answers on the 1,000 oracle claims. Needs ../shared/codesets; without it, says so and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseClaim } from '../src/grouper/claim-input.ts';
import { groupAndEdit } from '../src/grouper/group-and-edit.ts';
import { groupClaim } from '../src/grouper/grouper.ts';
import { hasGrouperTables, loadTables } from '../src/grouper/load-node.ts';
import { editClaim } from '../src/grouper/mce.ts';
import type { Claim, MceResult } from '../src/grouper/types.ts';
import { whatIf } from '../src/grouper/what-if.ts';

const SHARED = resolve(process.cwd(), '../shared/codesets');
const ORACLE = resolve(SHARED, 'msdrg-oracle-dev');
const ROUNDS = 7;
/** What-if candidates: common CCs and MCCs a CDI query or a suggestion would add, and one specificity swap. */
const CANDIDATES = ['N179', 'J9601', 'E871', 'D62', 'R6520', 'E43', 'J189', 'I5023', 'G9341', 'N390'].map((code) => ({ code }));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Claims per second over the whole set, median of ROUNDS rounds after one warm-up round. */
function throughput(claims: readonly Claim[], fn: (c: Claim) => unknown): number {
  let sink = 0;
  const rates: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const start = performance.now();
    for (const c of claims) if (fn(c)) sink++;
    const ms = performance.now() - start;
    if (round > 0) rates.push((claims.length / ms) * 1000);
  }
  if (sink < 0) console.log(sink);
  return median(rates);
}

const lines = (file: string): string[] => readFileSync(resolve(ORACLE, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
const editSet = (m: MceResult): string => JSON.stringify(m.edits.map((e) => `${e.edit}:${e.codes.map((c) => `${c.role}/${c.code}`).sort().join(',')}`).sort());

export async function run(): Promise<void> {
  if (!hasGrouperTables(SHARED)) {
    console.log(`grouper: ${SHARED} has no MS-DRG/MCE tables; nothing measured`);
    return;
  }
  const t0 = performance.now();
  const tables = loadTables(SHARED);
  const loadMs = performance.now() - t0;
  const claims = lines('claims.jsonl').map((l) => parseClaim(JSON.parse(l)));
  const expected = lines('expected.jsonl').map((l) => JSON.parse(l) as { drg: number; mdc: number; returnCode: string; sdx: { severity: string }[]; mce: MceResult });

  const grouper = throughput(claims, (c) => groupClaim(tables.grouper, c).drg);
  const mce = throughput(claims, (c) => editClaim(tables.mce, c).edits.length);
  const both = throughput(claims, (c) => groupAndEdit(tables, c).drg);

  const whatIfMs: number[] = [];
  for (const c of claims) {
    const start = performance.now();
    whatIf(tables.grouper, c, CANDIDATES);
    whatIfMs.push(performance.now() - start);
  }
  const whatIfSorted = [...whatIfMs].sort((a, b) => a - b);

  const results = claims.map((c) => groupAndEdit(tables, c));
  const agree = (same: (i: number) => boolean): number => results.filter((_, i) => same(i)).length / results.length;
  const agreement = {
    drgMdcReturnCode: agree((i) => results[i]!.drg === expected[i]!.drg && results[i]!.mdc === expected[i]!.mdc && results[i]!.returnCode === expected[i]!.returnCode),
    secondarySeverity: agree((i) => results[i]!.sdx.every((s, j) => s.severity === expected[i]!.sdx[j]?.severity)),
    mceEdits: agree((i) => editSet(results[i]!.mce) === editSet(expected[i]!.mce)),
  };

  const out = {
    date: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, Node ${process.version}`,
    claims: claims.length,
    tableLoadMs: Math.round(loadMs),
    claimsPerSecond: { grouper: Math.round(grouper), mce: Math.round(mce), grouperAndMce: Math.round(both) },
    goalClaimsPerSecond: 20_000,
    whatIfMsPerChart: { candidates: CANDIDATES.length, median: Number(median(whatIfMs).toFixed(3)), p99: Number((whatIfSorted[Math.floor(whatIfSorted.length * 0.99)] ?? NaN).toFixed(3)) },
    goalWhatIfMs: 10,
    agreement,
  };
  const dir = new URL('./results/', import.meta.url);
  await writeFile(new URL('grouper.json', dir), `${JSON.stringify(out, null, 2)}\n`);
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  const md = `# MS-DRG v43.1 grouper and MCE (bench/grouper.bench.ts)

${out.date}, ${out.machine}. The ${out.claims} claims of ../shared/codesets/msdrg-oracle-dev, median of ${ROUNDS} rounds after a warm-up.

| measure | value |
| --- | --- |
| table load (both JSON files, parse + decode) | ${out.tableLoadMs} ms |
| claims/s, grouper | ${out.claimsPerSecond.grouper} |
| claims/s, MCE | ${out.claimsPerSecond.mce} |
| claims/s, grouper + MCE (goal ≥ 20,000) | ${out.claimsPerSecond.grouperAndMce} |
| what-if, one chart, ${CANDIDATES.length} candidate codes (goal ≤ 10 ms) | median ${out.whatIfMsPerChart.median} ms, p99 ${out.whatIfMsPerChart.p99} ms |
| agreement with CMS: DRG + MDC + return code | ${pct(agreement.drgMdcReturnCode)} |
| agreement with CMS: CC/MCC usage of every secondary | ${pct(agreement.secondarySeverity)} |
| agreement with CMS: set of MCE edits and their codes | ${pct(agreement.mceEdits)} |
`;
  await writeFile(new URL('grouper.md', dir), md);
  console.log(md);
}
