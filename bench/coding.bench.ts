/**
 * Suggested ICD-10-CM codes: precision and recall (a) against the ICD-10-CM codes recorded in
 * the HL7 C-CDA examples (blinded: the recorded codes are removed from the snapshot, the words
 * stay) and (b) against synthetic charts whose correct codes were set down beforehand
 * (tests/fixtures/coding/expected-codes.json); coding findings per chart; validation +
 * suggestion time per chart (median, warm). Uses the bundled starter table (full FY2027 table
 * when built from ../shared/codesets).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { snapshotFromFile } from '../src/chart/from-file.ts';
import type { ChartSnapshot } from '../src/chart/snapshot.ts';
import { setActiveCodeTable } from '../src/codes/active-table.ts';
import { normalizeCode } from '../src/codes/code-format.ts';
import { loadStarterTable, starterOrigin } from '../src/codes/starter-table.ts';
import { lexiconFor } from '../src/codes/suggest/lexicon.ts';
import { suggestCodes } from '../src/codes/suggest/suggest.ts';
import { snapshotFromCase } from '../src/engine/case-snapshot.ts';
import { createEvaluator } from '../src/engine/evaluate.ts';
import { readPackFiles } from '../src/engine/node-packs.ts';
import { loadPacks } from '../src/engine/packs.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/coding');
const CCDA = resolve(process.cwd(), '../shared/corpora/ccda-hl7');
const RUNS = 21;

interface Score { tp: number; fp: number; fn: number }
const add = (a: Score, b: Score): Score => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const pr = (s: Score) => ({ precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : NaN, recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : NaN });
const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(0)} %`);
function score(predicted: Set<string>, truth: Set<string>): Score {
  const tp = [...predicted].filter((c) => truth.has(c)).length;
  return { tp, fp: predicted.size - tp, fn: [...truth].filter((c) => !predicted.has(c)).length };
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** The codes the chart would report after the suggestions: kept chart codes plus suggested ones. */
function finalCodes(snapshot: ChartSnapshot, table = loadStarterTable()): { codes: Set<string>; suggested: Set<string> } {
  const suggestions = suggestCodes(snapshot, table).filter((s) => s.kind !== 'query');
  const onChart = snapshot.diagnoses.map((d) => d.code?.code).filter((c): c is string => !!c).map(normalizeCode);
  const replaced = new Set(suggestions.flatMap((s) => s.replaces.map(normalizeCode)));
  const suggested = new Set(suggestions.map((s) => normalizeCode(s.code)));
  return { codes: new Set([...onChart.filter((c) => !replaced.has(c)), ...suggested]), suggested };
}

export async function run(): Promise<void> {
  const table = loadStarterTable();
  setActiveCodeTable(table);
  const t0 = performance.now();
  lexiconFor(table);
  const lexiconMs = performance.now() - t0;
  const { packs } = loadPacks(readPackFiles(resolve(process.cwd(), 'rules'), ['coding', 'documentation']));
  const evaluator = createEvaluator(packs);

  // (b) synthetic charts.
  const expected = JSON.parse(readFileSync(resolve(FIXTURES, 'expected-codes.json'), 'utf8')) as { charts: Record<string, string[]> };
  const charts = [];
  let finalTotal: Score = { tp: 0, fp: 0, fn: 0 };
  let suggestedTotal: Score = { tp: 0, fp: 0, fn: 0 };
  for (const [name, codes] of Object.entries(expected.charts)) {
    const raw = JSON.parse(readFileSync(resolve(FIXTURES, `${name}.json`), 'utf8')) as unknown;
    const truth = new Set(codes.map(normalizeCode));
    const onChart = new Set(snapshotFromCase(raw).diagnoses.map((d) => normalizeCode(d.code?.code ?? '')));
    const result = finalCodes(snapshotFromCase(raw), table);
    const final = score(result.codes, truth);
    const sugg = score(result.suggested, new Set([...truth].filter((c) => !onChart.has(c))));
    finalTotal = add(finalTotal, final);
    suggestedTotal = add(suggestedTotal, sugg);
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < RUNS; i++) {
      const snapshot = snapshotFromCase(raw); // a fresh object each run: no memo hit
      const start = performance.now();
      const all = await evaluator.evaluate(snapshot);
      times.push(performance.now() - start);
      findings = all.filter((f) => f.category === 'coding' || f.category === 'documentation').length;
    }
    charts.push({
      name, expected: [...truth].sort(), suggestedAndKept: [...result.codes].sort(),
      missed: [...truth].filter((c) => !result.codes.has(c)).sort(), extra: [...result.codes].filter((c) => !truth.has(c)).sort(),
      codingFindings: findings, medianMs: median(times),
    });
  }

  // (a) HL7 C-CDA examples that record ICD-10-CM codes, blinded.
  const hl7 = [];
  let hl7Total: Score = { tp: 0, fp: 0, fn: 0 };
  const index = readFileSync(resolve(CCDA, 'ccda-examples-index.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t'));
  for (const row of index.filter((r) => r[13])) {
    const truth = new Set((row[13] ?? '').split(/[;, ]+/).filter(Boolean).map(normalizeCode));
    const snapshot = await snapshotFromFile(resolve(CCDA, 'ccda-examples', row[0]!));
    for (const d of snapshot.diagnoses) {
      delete d.code;
      delete d.codes;
    }
    const predicted = new Set(suggestCodes(snapshot, table).filter((s) => s.kind !== 'query').map((s) => normalizeCode(s.code)));
    const s = score(predicted, truth);
    hl7Total = add(hl7Total, s);
    hl7.push({ file: row[0], recorded: [...truth], suggested: [...predicted], ...s });
  }
  const allCcda = readdirSync(resolve(CCDA, 'ccda-examples'), { recursive: true }).filter((f) => String(f).endsWith('.xml')).length;

  const out = {
    table: { builtFrom: starterOrigin().builtFrom, codes: table.size, lexiconPhrases: lexiconFor(table).size, lexiconBuildMs: lexiconMs },
    synthetic: { charts, final: { ...finalTotal, ...pr(finalTotal) }, suggestedOnly: { ...suggestedTotal, ...pr(suggestedTotal) }, medianMsPerChart: median(charts.map((c) => c.medianMs)) },
    hl7: { filesWithIcd10cm: hl7.length, filesTotal: allCcda, files: hl7, ...hl7Total, ...pr(hl7Total) },
  };
  writeFileSync(new URL('./results/coding.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
  const md = [
    '# Suggested ICD-10-CM codes (bench/coding.bench.ts)',
    '',
    `Table: ${out.table.builtFrom}, ${out.table.codes} codes; lexicon ${out.table.lexiconPhrases} phrases, compiled once in ${lexiconMs.toFixed(0)} ms.`,
    '',
    '## (b) Synthetic charts (tests/fixtures/coding; correct codes set down before running)',
    '',
    '| chart | expected | missed | extra | coding findings | median ms (validation + suggestion) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...charts.map((c) => `| ${c.name} | ${c.expected.join(' ')} | ${c.missed.join(' ') || '—'} | ${c.extra.join(' ') || '—'} | ${c.codingFindings} | ${c.medianMs.toFixed(2)} |`),
    '',
    `Final code set (chart codes kept + suggestions) vs expected: precision ${pct(out.synthetic.final.precision)}, recall ${pct(out.synthetic.final.recall)} (tp ${finalTotal.tp}, fp ${finalTotal.fp}, fn ${finalTotal.fn}).`,
    `Suggested codes alone vs expected codes not yet on the chart: precision ${pct(out.synthetic.suggestedOnly.precision)}, recall ${pct(out.synthetic.suggestedOnly.recall)}.`,
    `Median time per chart (coding + documentation packs, warm): ${out.synthetic.medianMsPerChart.toFixed(2)} ms.`,
    '',
    '## (a) HL7 C-CDA examples, recorded ICD-10-CM codes hidden',
    '',
    `Only ${hl7.length} of ${allCcda} example files record an ICD-10-CM code at all (most are section fragments coded in SNOMED CT), so these figures are thin.`,
    '',
    '| file | recorded | suggested |',
    '| --- | --- | --- |',
    ...hl7.map((h) => `| ${h.file} | ${h.recorded.join(' ')} | ${h.suggested.join(' ') || '—'} |`),
    '',
    `Precision ${pct(out.hl7.precision)}, recall ${pct(out.hl7.recall)} (tp ${hl7Total.tp}, fp ${hl7Total.fp}, fn ${hl7Total.fn}).`,
    '',
  ].join('\n');
  writeFileSync(new URL('./results/coding.md', import.meta.url), md);
  console.log(md);
}
