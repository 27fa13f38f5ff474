/**
 * Code sets: import time, memory and lookup time over the full current ICD-10-CM.
 * Targets (issue 5): a code check under 0.01 ms, a word search under 5 ms median.
 * Needs ../shared/codesets; without it, says so and writes nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { importIcd10cmTabularXml } from '../src/codes/icd10cm-tabular-xml.ts';
import { importOrderFile } from '../src/codes/icd10cm-order-file.ts';
import { importMce } from '../src/codes/mce.ts';
import { importMsDrg } from '../src/codes/msdrg.ts';
import { asStarterData, decodeStarter, encodeStarter } from '../src/codes/starter-format.ts';
import { hasSharedCodesets, readSharedStarterInput } from '../src/codes/starter-sources-node.ts';
import { CodeTable } from '../src/codes/table.ts';
import { codeValidOn } from '../src/codes/validate/valid-on-date.ts';

const SHARED = resolve(process.cwd(), '../shared/codesets');
const QUERIES = [
  'type 2 diabetes chronic kidney', 'hip fracture', 'sepsis', 'acute on chronic systolic heart failure', 'pneumonia',
  'copd exacerbation', 'urinary tract infection', 'hypertension', 'atrial fibrillation', 'acute kidney failure',
  'pressure ulcer sacral stage 4', 'major depressive disorder recurrent', 'alzheimer', 'fall from bed', 'obesity morbid',
  'chest pain', 'anemia iron deficiency', 'hyperlipidemia', 'dementia behavioral disturbance', 'fract femur neck left init',
  'pregnancy', 'newborn jaundice', 'covid', 'malignant neoplasm breast', 'long term insulin',
];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Median time per call (ms) over batches of `batch` calls. */
function perCall(items: string[], batch: number, fn: (item: string) => unknown): number {
  const times: number[] = [];
  let sink = 0;
  for (let b = 0; b + batch <= items.length; b += batch) {
    const start = performance.now();
    for (let i = b; i < b + batch; i++) if (fn(items[i] ?? '')) sink++;
    times.push((performance.now() - start) / batch);
  }
  if (sink < 0) console.log(sink);
  return median(times);
}

export async function run(): Promise<void> {
  if (!hasSharedCodesets(SHARED)) {
    console.log(`codes bench: ${SHARED} not found, skipped`);
    return;
  }
  const read = (f: string): Promise<Buffer> => readFile(resolve(SHARED, f));
  const order = gunzipSync(await read('icd10cm-fy2021-official/icd10cm-order-Jan-2021.txt.gz'));
  const xml = await read('icd10cm-fy2021-official/icd10cm_tabular_2021.xml');
  const mceJson = await read('mce/mce-v43.1.json');
  const drgJson = await read('msdrg/msdrg-v43.1.json');
  const [, orderMs] = time(() => importOrderFile(order));
  const [, tabularMs] = time(() => importIcd10cmTabularXml(xml));
  const [, mceMs] = time(() => importMce(mceJson));
  const [, drgMs] = time(() => importMsDrg(drgJson));
  const [input, starterInputMs] = time(() => readSharedStarterInput(SHARED));
  const starterJson = JSON.stringify(encodeStarter(input));

  const before = heapMb();
  const [table, coldMs] = time(() => new CodeTable(decodeStarter(asStarterData(JSON.parse(starterJson)))));
  const tableMb = heapMb() - before;
  const [, indexMs] = time(() => table.warmSearch());
  const withIndexMb = heapMb() - before;

  const codes = table.all().map((e) => e.code);
  const probe: string[] = [];
  for (let i = 0; i < 200_000; i++) {
    const code = codes[(i * 7919) % codes.length] ?? '';
    // A third written with the dot, a tenth not codes at all: what charts contain.
    probe.push(i % 10 === 0 ? `${code}Z9` : i % 3 === 0 && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
  }
  for (let r = 0; r < 3; r++) perCall(probe, 1000, (c) => table.get(c)); // warm up the JIT
  const checkMs = perCall(probe, 1000, (c) => table.get(c));
  const validMs = perCall(probe, 1000, (c) => codeValidOn(table, c, '2026-11-24').status === 'valid');
  const searchTimes: number[] = [];
  for (let r = 0; r < 5; r++) for (const q of QUERIES) searchTimes.push(time(() => table.search(q, 20))[1]);
  const searchMedian = median(searchTimes.slice(QUERIES.length));
  const searchMax = Math.max(...searchTimes.slice(QUERIES.length));

  const results = {
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    table: { codes: table.size, billable: codes.filter((c) => table.get(c)?.billable).length, starterBytes: starterJson.length },
    importMs: { orderFileFy2021: orderMs, tabularXmlFy2021: tabularMs, mceV431: mceMs, msdrgV431: drgMs, starterInputFromShared: starterInputMs },
    coldStartMs: { decodeStarterToTable: coldMs, buildWordIndex: indexMs },
    heapMb: { table: tableMb, tableWithWordIndex: withIndexMb },
    lookupMs: { codeCheckMedian: checkMs, validOnDateMedian: validMs, wordSearchMedian: searchMedian, wordSearchMax: searchMax },
  };
  const out = new URL('./results/', import.meta.url);
  await writeFile(new URL('codes.json', out), `${JSON.stringify(results, null, 2)}\n`);
  const f = (n: number, d = 1): string => n.toFixed(d);
  const md = `# Code sets (bench/codes.bench.ts)

${results.machine}. Full current ICD-10-CM: FY2027 starter table, ${table.size} codes (${results.table.billable} billable), with MCE and MS-DRG v43.1 attributes and FY2021 notes.

| measure | value | target |
| --- | --- | --- |
| code check (\`table.get\`, median per call) | ${f(checkMs * 1000, 3)} µs | < 10 µs |
| validity for a date (\`codeValidOn\`, median per call) | ${f(validMs * 1000, 3)} µs | |
| word search (${QUERIES.length} queries, median / max) | ${f(searchMedian, 3)} / ${f(searchMax, 2)} ms | < 5 ms median |
| cold start: starter JSON -> CodeTable | ${f(coldMs, 0)} ms | |
| word index build (first search) | ${f(indexMs, 0)} ms | |
| heap: table / with word index | ${f(tableMb)} / ${f(withIndexMb)} MB | |
| import: FY2021 order file (95,358 rows) | ${f(orderMs, 0)} ms | |
| import: FY2021 tabular XML (9 MB) | ${f(tabularMs, 0)} ms | |
| import: MCE v43.1 JSON (5 MB) | ${f(mceMs, 0)} ms | |
| import: MS-DRG v43.1 JSON (5.5 MB) | ${f(drgMs, 0)} ms | |
| starter input from ../shared (build step, without writing) | ${f(starterInputMs, 0)} ms | |
| starter JSON size | ${f(starterJson.length / 1024, 0)} KiB | |
`;
  await writeFile(new URL('codes.md', out), md);
  console.log(md);
}
