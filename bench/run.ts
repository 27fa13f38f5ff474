/**
 * `npm run bench`: runs every benchmark in turn. Each writes its figures to bench/results/
 * (JSON for machines, a Markdown table for the note). Timings are measured here, never
 * asserted in tests. `npm run bench -- extraction` runs only the named ones.
 */
import { mkdirSync } from 'node:fs';

interface Bench {
  name: string;
  run: () => Promise<void>;
}

const BENCHES: Bench[] = [
  // Each benchmark module adds one line here: { name, run: async () => (await import('./x.bench.ts')).run() }
  { name: 'extraction', run: async () => (await import('./extraction.bench.ts')).run() },
  { name: 'reading', run: async () => (await import('./reading.bench.ts')).run() },
  { name: 'engine', run: async () => (await import('./engine.bench.ts')).run() },
  { name: 'codes', run: async () => (await import('./codes.bench.ts')).run() },
  { name: 'coding', run: async () => (await import('./coding.bench.ts')).run() },
  { name: 'suggestions', run: async () => (await import('./suggestions.bench.ts')).run() },
  { name: 'grouper', run: async () => (await import('./grouper.bench.ts')).run() },
  { name: 'cli', run: async () => (await import('./cli.bench.ts')).run() },
  { name: 'batch', run: async () => (await import('./batch.bench.ts')).run() },
  { name: 'node-dom', run: async () => (await import('./node-dom.bench.ts')).run() },
  // Needs the built extension: `npm run bench` builds first.
  { name: 'panel-latency', run: async () => (await import('./panel-latency.bench.ts')).run() },
  { name: 'working-drg', run: async () => (await import('./working-drg.bench.ts')).run() },
];

const only = process.argv.slice(2);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  console.log(`\n== ${bench.name}`);
  await bench.run();
}
