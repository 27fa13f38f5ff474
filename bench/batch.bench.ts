/**
 * Batch audit throughput: charts per second of `chartlint audit SET --format ndjson` as a
 * departmental review runs it, wall time of the whole process (start-up, pack and table
 * loading in each worker, reading, rules, DRG, output), with --jobs 1 (in one process) and
 * --jobs = all cores (worker threads). Sets: the 20 synthetic corpus pages; the same pages
 * ten times over (copies in a temp folder, so start-up weighs less); the HL7 C-CDA examples
 * (447 XML, mostly section fragments, plus 19 rendered HTML) and the FHIR fixtures from
 * ../shared/corpora and tests/fixtures/fhir; and all of these at once.
 * `npm run bench -- batch`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = 'tests/corpus/pages';
const CCDA = '../shared/corpora/ccda-hl7';
const FHIR = 'tests/fixtures/fhir';
const COPIES = 10;
const RUNS = 3;

interface Row { set: string; jobs: number; charts: number; medianS: number; chartsPerS: number; runs: number }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** One timed batch: wall seconds and the charts the summary says were audited. */
function batch(paths: string[], jobs: number): { seconds: number; charts: number } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['bin/chartlint.js', 'audit', ...paths, '--format', 'ndjson', '--jobs', String(jobs)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  // 2 is a set with files that are no chart (reported and skipped); anything else is a failure.
  if (run.status !== 0 && run.status !== 1 && !(run.status === 2 && /charts audited +[1-9]/.test(run.stderr))) throw new Error(`batch: exit ${run.status}: ${run.stderr}`);
  const charts = Number(/charts audited +(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { seconds, charts };
}

function measure(set: string, paths: string[], jobs: number): Row {
  batch(paths, jobs); // untimed: the file-system cache, not chartlint, decides the first run
  const runs = Array.from({ length: RUNS }, () => batch(paths, jobs));
  const medianS = median(runs.map((r) => r.seconds));
  const charts = runs[0]!.charts;
  return { set, jobs, charts, medianS: Number(medianS.toFixed(2)), chartsPerS: Number((charts / medianS).toFixed(1)), runs: RUNS };
}

/** The corpus pages COPIES times over, in a temp folder (a batch audits a file named twice once). */
function pagesCopies(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chartlint-batch-bench-'));
  const pages = readdirSync(join(ROOT, PAGES)).filter((f) => f.endsWith('.html'));
  for (let i = 0; i < COPIES; i++) for (const page of pages) copyFileSync(join(ROOT, PAGES, page), join(dir, `${i}-${page}`));
  return dir;
}

export function run(): void {
  // Rebuilt first, as in cli.bench.ts: a stale bundle would fall back to tsx and measure that.
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('batch: scripts/build-cli.ts failed');
  const cores = availableParallelism();
  const copies = pagesCopies();
  const sets: [string, string[]][] = [
    ['corpus pages (20 HTML)', [PAGES]],
    [`corpus pages ×${COPIES} (HTML)`, [copies]],
    ...(existsSync(join(ROOT, CCDA)) ? [['HL7 C-CDA examples + FHIR fixtures', [CCDA, FHIR]] as [string, string[]]] : []),
    ['all of the above', [PAGES, copies, ...(existsSync(join(ROOT, CCDA)) ? [CCDA] : []), FHIR]],
  ];
  const load = loadavg()[0]!;
  const rows: Row[] = [];
  try {
    for (const [set, paths] of sets) {
      for (const jobs of [...new Set([1, cores])]) {
        const row = measure(set, paths, jobs);
        rows.push(row);
        console.log(`${set}, --jobs ${jobs}: ${row.charts} charts in ${row.medianS} s = ${row.chartsPerS} charts/s`);
      }
    }
  } finally {
    rmSync(copies, { recursive: true, force: true });
  }
  const meta = { measuredAt: new Date().toISOString(), node: process.version, cores, loadAverageAtStart: Number(load.toFixed(2)) };
  writeFileSync(new URL('./results/batch.json', import.meta.url), `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  writeFileSync(new URL('./results/batch.md', import.meta.url), markdown(meta, rows));
}

function markdown(meta: { measuredAt: string; node: string; cores: number; loadAverageAtStart: number }, rows: Row[]): string {
  return [
    '# Batch audit throughput (bench/batch.bench.ts)',
    '',
    `${meta.measuredAt}, Node ${meta.node}, ${meta.cores} cores (1-minute load average ${meta.loadAverageAtStart} when it began: the machine is shared). Wall time of \`node bin/chartlint.js audit SET --format ndjson --jobs N\`, start-up included, median of ${RUNS} runs after one untimed run. \`npm run bench -- batch\`.`,
    '',
    '| set | --jobs | charts | median s | charts/s |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.set} | ${r.jobs} | ${r.charts} | ${r.medianS} | ${r.chartsPerS} |`),
    '',
  ].join('\n');
}
