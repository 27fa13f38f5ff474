/**
 * `npm run fuzz`: the corpus fuzz of tests/unit/chart/corpus-fuzz.test.ts at scale. Reads
 * mutated corpus pages (tests/unit/chart/corpus-mutations.ts) in child processes, one per core,
 * prints cases/s, every failure with the seed that reproduces it, and the slowest cases; exits 1
 * on any failure.
 *
 *   npm run fuzz                          10,000 cases, seeds 1..10000
 *   npm run fuzz -- --cases 50000 --from 20001
 *   npm run fuzz -- --seed 4242           one case, its problems in full
 *
 * A case that runs past --timeout-ms (default 60 s) counts as a failure ("hang", said to be in
 * happy-dom's parser or in the reader): its worker is stopped and a fresh one takes the next
 * seed, so one hang cannot stall the run. Slow cases under that are listed, not failed.
 */
import { availableParallelism } from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { caseProblems, corpusPages, describeCase, fuzzCase } from '../tests/unit/chart/corpus-mutations.ts';

interface Result {
  seed: number;
  description: string;
  problems: string[];
  /** Parse and read, in the worker. */
  ms?: number;
}

function runCase(seed: number, pages = corpusPages(), onParsed?: () => void): Result {
  const c = fuzzCase(seed, pages);
  const started = performance.now();
  const problems = caseProblems(c, onParsed);
  return { seed, description: describeCase(c), problems, ms: Math.round(performance.now() - started) };
}

/** From a worker: the case's page is parsed (a hang after this is the reader's, before it happy-dom's). */
interface Parsed {
  parsed: number;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got ${process.argv[at + 1]}`);
  return value;
}

const WORKER_FLAG = '--fuzz-worker';
const SLOWEST_SHOWN = 10;

if (process.argv.includes(WORKER_FLAG)) {
  const pages = corpusPages();
  process.on('message', (seed: number) => process.send!(runCase(seed, pages, () => process.send!({ parsed: seed } satisfies Parsed))));
} else {
  await main();
}

async function main(): Promise<void> {
  const single = option('seed', -1);
  if (single >= 0) {
    const result = runCase(single);
    console.log(result.description);
    console.log(result.problems.length === 0 ? 'ok' : result.problems.join('\n'));
    process.exitCode = result.problems.length === 0 ? 0 : 1;
    return;
  }
  const cases = option('cases', 10_000);
  const from = option('from', 1);
  const workers = Math.max(1, option('workers', availableParallelism()));
  const timeoutMs = option('timeout-ms', 60_000);
  console.log(`Fuzzing ${cases.toLocaleString('en-US')} cases (seeds ${from}..${from + cases - 1}) on ${workers} worker${workers === 1 ? '' : 's'}`);

  const failures: Result[] = [];
  let next = from;
  let done = 0;
  const started = performance.now();
  let lastReport = started;
  // Not failures (no timing is asserted), but where the reader's budget does not hold.
  const slowest: Result[] = [];
  const fail = (result: Result) => {
    failures.push(result);
    console.log(`FAIL ${result.description}\n  ${result.problems.slice(0, 5).join('\n  ')}`);
  };
  // Until some case reports, a dying worker means the script cannot run at all (a broken import).
  let anyReported = false;

  await new Promise<void>((resolveAll) => {
    let running = 0;
    const startWorker = () => {
      // A child process rather than a worker thread: it inherits tsx's loader, and a hung or
      // bloated case is ended with its process, memory and all.
      const worker: ChildProcess = fork(fileURLToPath(import.meta.url), [WORKER_FLAG], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      running++;
      let current = -1;
      let stopped = false;
      let parsed = false;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        if (next >= from + cases) {
          worker.kill();
          return;
        }
        current = next++;
        parsed = false;
        timer = setTimeout(() => {
          const where = parsed ? 'in the reader (extractFromDom), after happy-dom parsed the page' : "in happy-dom's parser (loadHtml)";
          fail({ seed: current, description: describeSeed(current), problems: [`hang: no result after ${timeoutMs} ms, ${where}`] });
          done++;
          current = -1;
          stopped = true;
          worker.kill();
          startWorker();
        }, timeoutMs);
        worker.send(current);
      };
      worker.on('message', (message: Result | Parsed) => {
        if (stopped) return;
        if ('parsed' in message) {
          parsed = message.parsed === current;
          return;
        }
        const result = message;
        slowest.push(result);
        slowest.sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).splice(SLOWEST_SHOWN);
        anyReported = true;
        clearTimeout(timer);
        current = -1;
        done++;
        if (result.problems.length > 0) fail(result);
        const now = performance.now();
        if (now - lastReport > 15_000) {
          lastReport = now;
          console.log(`${done.toLocaleString('en-US')} / ${cases.toLocaleString('en-US')} cases, ${rate(done, now - started)} cases/s, ${failures.length} failing`);
        }
        feed();
      });
      // A process that dies mid-case (out of memory, a crash in happy-dom) fails its case, not the run.
      const died = (why: string) => {
        clearTimeout(timer);
        if (stopped) return;
        stopped = true;
        if (!anyReported) throw new Error(`The fuzz worker could not start: ${why}`);
        if (current >= 0) {
          fail({ seed: current, description: describeSeed(current), problems: [`worker died: ${why}`] });
          done++;
          current = -1;
          startWorker();
        }
      };
      worker.on('error', (error) => died(error.stack ?? error.message));
      worker.on('exit', (code, signal) => {
        if (current >= 0) died(`exit code ${code ?? '-'}, signal ${signal ?? '-'}`);
        running--;
        if (running === 0 && next >= from + cases) resolveAll();
      });
      feed();
    };
    for (let i = 0; i < Math.min(workers, cases); i++) startWorker();
    if (cases === 0) resolveAll();
  });

  const elapsed = performance.now() - started;
  failures.sort((a, b) => a.seed - b.seed);
  console.log(`\n${done.toLocaleString('en-US')} cases in ${(elapsed / 1000).toFixed(1)} s: ${rate(done, elapsed)} cases/s, ${failures.length} failing`);
  for (const f of failures) console.log(`  ${f.description}: ${f.problems[0]?.split("\n")[0] ?? ""}   (npm run fuzz -- --seed ${f.seed})`);
  console.log(`Slowest cases (parse + read, in a worker; the reader's budget is 1 s):`);
  for (const r of slowest) console.log(`  ${r.ms} ms  ${r.description}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

function rate(cases: number, ms: number): string {
  return (cases / (ms / 1000)).toFixed(1);
}

/** For a case that never reported: what it was, rebuilt from the seed without reading it. */
function describeSeed(seed: number): string {
  return describeCase(fuzzCase(seed, corpusPages()));
}
