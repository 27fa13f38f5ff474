/**
 * CLI cold start: wall time of a fresh `node bin/chartlint.js …` process, as a shell loop or a
 * batch engine pays it once per chart. From the prebuilt bundle (dist-cli/, built by `npm ci`)
 * and from source through tsx (development), beside a bare `node -e 0` for the floor.
 * Goal on the 2-core dev machine: `--version` from the bundle ≤ 200 ms.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = 'bin/chartlint.js';
const DEMO_CHART = 'tests/fixtures/demo-ehr/chart.html';
const RUNS = 15;
const GOAL_MS = 200;

interface Case { name: string; args: string[]; env?: Record<string, string>; goalMs?: number }
interface Row { name: string; command: string; medianMs: number; p95Ms: number; runs: number; goalMs?: number }

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function measure({ name, args, env, goalMs }: Case): Row {
  const samples: number[] = [];
  // One untimed run first: the file-system cache, not chartlint, decides the very first start.
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${name}: exit ${result.status}: ${result.stderr.toString()}`);
    if (i > 0) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  const command = `${env ? `${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')} ` : ''}node ${args.join(' ')}`;
  return { name, command, medianMs: Number(quantile(samples, 0.5).toFixed(1)), p95Ms: Number(quantile(samples, 0.95).toFixed(1)), runs: RUNS, ...(goalMs ? { goalMs } : {}) };
}

export function run(): void {
  // Rebuilt first: in a working tree the sources move, and bin/chartlint.js would (rightly)
  // fall back to tsx for a stale bundle, which is not what the "bundle" rows mean to measure.
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('cli: scripts/build-cli.ts failed');
  const fromSource = { CHARTLINT_FROM_SOURCE: '1' };
  const cases: Case[] = [
    { name: 'node floor', args: ['-e', '0'] },
    { name: 'bundle: --version', args: [BIN, '--version'], goalMs: GOAL_MS },
    { name: 'bundle: --help', args: [BIN, '--help'], goalMs: GOAL_MS },
    { name: 'bundle: snapshot demo chart', args: [BIN, 'snapshot', DEMO_CHART] },
    { name: 'bundle: audit demo chart', args: [BIN, 'audit', DEMO_CHART] },
    { name: 'tsx: --version', args: [BIN, '--version'], env: fromSource },
    { name: 'tsx: audit demo chart', args: [BIN, 'audit', DEMO_CHART], env: fromSource },
  ];
  const rows = cases.map(measure);
  for (const r of rows) console.log(`${r.name}: median ${r.medianMs} ms, p95 ${r.p95Ms} ms${r.goalMs ? ` (goal ≤ ${r.goalMs} ms)` : ''}`);
  writeFileSync(new URL('./results/cli.json', import.meta.url), `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`);
  writeFileSync(new URL('./results/cli.md', import.meta.url), markdown(rows));
}

function markdown(rows: Row[]): string {
  return [
    '# CLI cold start',
    '',
    `Wall time of a fresh process, ${RUNS} runs after one untimed run (Node 20, this machine). "bundle" runs dist-cli/ (built by \`npm ci\` through \`prepare\`); "tsx" forces the development path. \`npm run bench -- cli\`.`,
    '',
    '| case | command | median ms | p95 ms | goal | |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.name} | \`${r.command}\` | ${r.medianMs} | ${r.p95Ms} | ${r.goalMs ? `≤ ${r.goalMs}` : ''} | ${r.goalMs ? (r.medianMs <= r.goalMs ? 'ok' : 'OVER') : ''} |`),
    '',
  ].join('\n');
}
