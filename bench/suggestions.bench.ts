/**
 * Code suggestions on a long chart (issue 12): a 200-document inpatient chart made of the coding
 * corpus's own notes (tests/corpus/coding, read as the CLI reads them, repeated with their own
 * ids and dates, each copy's sentences made distinct), with every chart's diagnoses. Measures (1) the suggestions for the chart as a
 * new snapshot (the lexicon compiled once before, as the worker does), and (2) the keystroke
 * update: one character typed in one note, a new snapshot sharing the other documents, its
 * suggestions recomputed. Medians, warm. Targets: 200 documents ≤ 20 ms, keystroke ≤ 5 ms.
 * Results: bench/results/suggestions.md and .json. Never asserted in tests.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { snapshotFromFile } from '../src/chart/from-file.ts';
import type { ChartDocument, ChartSnapshot } from '../src/chart/snapshot.ts';
import { setActiveCodeTable } from '../src/codes/active-table.ts';
import { loadStarterTable, starterOrigin } from '../src/codes/starter-table.ts';
import { lexiconFor } from '../src/codes/suggest/lexicon.ts';
import { suggestCodes } from '../src/codes/suggest/suggest.ts';
import { corpusCharts } from '../tests/unit/codes/coding-score.ts';

const DOCS = 200;
const RUNS = 41;
const TARGET = { chartMs: 20, keystrokeMs: 5 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN;

/** The coding corpus read once, as the CLI reads it: every long chart is made from these. */
async function corpusSnapshots(): Promise<ChartSnapshot[]> {
  const snapshots: ChartSnapshot[] = [];
  for (const { file } of corpusCharts(resolve(process.cwd(), 'tests/corpus/coding'))) snapshots.push(await snapshotFromFile(file));
  return snapshots;
}

/** The corpus's notes repeated to `count` documents (ids and dates their own), with every chart's diagnoses. */
function longChart(snapshots: ChartSnapshot[], count: number, variant: number): ChartSnapshot {
  const notes = snapshots.flatMap((s) => s.documents).filter((d) => d.sections.length > 0);
  const documents: ChartDocument[] = Array.from({ length: count }, (_, i) => {
    const doc = notes[i % notes.length]!;
    const copy = Math.floor(i / notes.length);
    const day = String(1 + (i % 28)).padStart(2, '0');
    // Each copy's sentences made its own (a number after each full stop), so no sentence is read
    // twice: a chart of copied-forward notes would be faster than this one.
    const sections = doc.sections.map((s) => ({ ...s, text: s.text.replace(/([.!?;])\s+/g, `$1 ${variant}.${copy} `) }));
    return { ...doc, id: `doc-${i}`, sections, createdAt: { value: `03/${day}/2026 08:00`, source: doc.title.source, iso: `2026-03-${day}T08:00` } };
  });
  const first = snapshots[0]!;
  return { ...first, encounter: { kind: 'inpatient' }, documents, diagnoses: snapshots.flatMap((s) => s.diagnoses) };
}

export async function run(): Promise<void> {
  const table = loadStarterTable();
  setActiveCodeTable(table);
  const t0 = performance.now();
  lexiconFor(table);
  const lexiconMs = performance.now() - t0;
  // (1) A new chart: its sentences never read before (each run its own variant), only the lexicon compiled.
  const charts: ChartSnapshot[] = [];
  const snapshots = await corpusSnapshots();
  for (let i = 0; i <= RUNS; i++) charts.push(longChart(snapshots, DOCS, i));
  const chart = charts[0]!;
  const characters = chart.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.text.length, 0), 0);
  const chartTimes: number[] = [];
  let suggestions = 0;
  for (let i = 1; i <= RUNS; i++) {
    const start = performance.now();
    suggestions = suggestCodes(charts[i]!, table).length;
    chartTimes.push(performance.now() - start);
  }

  // (2) A keystroke: one note's text one character longer; the other documents are the same objects.
  const base = chart;
  suggestCodes(base, table);
  const keyTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const at = i % DOCS;
    const doc = base.documents[at]!;
    const edited = { ...doc, sections: doc.sections.map((s, j) => (j === 0 ? { ...s, text: `${s.text}${i % 2 ? ' ' : '.'}` } : s)) };
    const next = { ...base, documents: base.documents.map((d, j) => (j === at ? edited : d)) };
    const start = performance.now();
    suggestCodes(next, table);
    keyTimes.push(performance.now() - start);
  }

  const figures = {
    date: new Date().toISOString(),
    table: `${starterOrigin().builtFrom}, ${table.all().length} codes`,
    lexiconMs: Math.round(lexiconMs),
    documents: DOCS,
    characters,
    diagnoses: chart.diagnoses.length,
    suggestions,
    chart: { medianMs: median(chartTimes), p90Ms: p90(chartTimes), runs: RUNS, targetMs: TARGET.chartMs },
    keystroke: { medianMs: median(keyTimes), p90Ms: p90(keyTimes), runs: RUNS, targetMs: TARGET.keystrokeMs },
  };
  const ok = (ms: number, target: number) => (ms <= target ? 'within' : 'OVER');
  const md = [
    '# Code suggestions on a 200-document chart (bench/suggestions.bench.ts)',
    '',
    `${figures.date}. Table: ${figures.table}; lexicon compiled once in ${figures.lexiconMs} ms. Chart: ${DOCS} documents made of the coding corpus's notes (${characters.toLocaleString('en-US')} characters), ${figures.diagnoses} coded or listed diagnoses; ${suggestions} suggestions. ${RUNS} runs, warm.`,
    '',
    '| case | median | p90 | target | |',
    '| --- | --- | --- | --- | --- |',
    `| suggestions for the chart (new snapshot) | ${figures.chart.medianMs.toFixed(2)} ms | ${figures.chart.p90Ms.toFixed(2)} ms | ≤ ${TARGET.chartMs} ms | ${ok(figures.chart.medianMs, TARGET.chartMs)} |`,
    `| keystroke update (one note edited) | ${figures.keystroke.medianMs.toFixed(2)} ms | ${figures.keystroke.p90Ms.toFixed(2)} ms | ≤ ${TARGET.keystrokeMs} ms | ${ok(figures.keystroke.medianMs, TARGET.keystrokeMs)} |`,
    '',
  ].join('\n');
  writeFileSync(new URL('./results/suggestions.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
  writeFileSync(new URL('./results/suggestions.md', import.meta.url), md);
  console.log(md);
}
