/**
 * The rules engine, side by side in one run (issue 4): naive json-rules-engine, chartlint's
 * evaluator and hand-written closures (the floor), for 100 / 1,000 / 5,000 synthetic rules on
 * 20 / 200 / 2,000-document charts, plus the keystroke case (one document edited, incremental)
 * and the shipped packs on a 20-document chart. Medians; every variant must find the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Engine, Operator } from 'json-rules-engine';
import type { ChartDocument, ChartSnapshot } from '../src/chart/snapshot.ts';
import { createEvaluator } from '../src/engine/evaluate.ts';
import { readPackFiles } from '../src/engine/node-packs.ts';
import { loadPacks } from '../src/engine/packs.ts';
import type { RulePack, RuleSpec } from '../src/engine/rule.ts';
import { containsAnyTerm } from '../src/engine/operators/contains-any-term.ts';
import { tokenize } from '../src/engine/terms.ts';

const RULE_COUNTS = [100, 1_000, 5_000];
const DOC_COUNTS = [20, 200, 2_000];
const KINDS = ['history-and-physical', 'progress-note', 'consultation', 'operative-report', 'discharge-summary', 'nursing-note',
  'imaging-report', 'pathology-report', 'procedure-note', 'consent', 'anesthesia-pre', 'anesthesia-post'];
const CREDENTIALS = ['MD', 'DO', 'NP', 'PA-C', 'RN', 'CRNA'];
const SECTION_TITLES = ['Assessment', 'Plan', 'History', 'Findings', 'Impression'];
/** Words of the notes. Keyword rules draw their terms from a pool 100 times larger that includes
 * these words, so a chart gets about one keyword finding per document: findings are rare. */
const VOCABULARY = Array.from({ length: 4_000 }, (_, i) => `w${i.toString(36)}`);
const TERM_POOL_SIZE = 400_000;
const term = (n: number) => `w${n.toString(36)}`;

/** A small deterministic random source, so every run benchmarks the same charts and rules. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5), ((s >>> 0) % 1_000_000) / 1_000_000);
}

function makeChart(docs: number, seed = 1): ChartSnapshot {
  const r = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const ref = (text: string) => ({ text });
  const documents: ChartDocument[] = Array.from({ length: docs }, (_, i) => ({
    id: `doc-${i}`,
    kind: KINDS[i % KINDS.length]!,
    title: { value: `Note ${i}`, source: ref(`Note ${i}`) },
    author: { name: { value: `Author ${i % 17}`, source: ref('a') }, credentials: { value: pick(CREDENTIALS), source: ref('c') } },
    signature: { status: r() < 0.9 ? 'signed' : 'unsigned' },
    identifiers: {},
    sections: SECTION_TITLES.slice(0, 3).map((_, k) => ({
      title: pick(SECTION_TITLES),
      text: Array.from({ length: 60 }, () => pick(VOCABULARY)).join(' ') + (k === 0 ? '.' : ''),
      source: ref(`s${k}`),
    })),
    source: ref(`doc ${i}`),
  }));
  return {
    source: { adapter: 'bench', url: `http://bench/${docs}`, extractedAt: '2026-01-15T12:00' },
    patient: {}, documents, diagnoses: [], procedures: [], orders: [], forms: [], warnings: [],
  };
}

/** What each synthetic rule checks; turned into a JSON rule, a naive engine rule and a closure. */
type Spec =
  | { type: 'keyword'; terms: string[] }
  | { type: 'kind'; kind: string; credentials: string }
  | { type: 'generic'; sectionTitle: string; status: string };

function makeSpecs(count: number): Spec[] {
  const r = random(count);
  return Array.from({ length: count }, (_, i): Spec => {
    const bucket = i % 20;
    if (bucket < 14) return { type: 'keyword', terms: [term(Math.floor(r() * TERM_POOL_SIZE)), `${term(Math.floor(r() * TERM_POOL_SIZE))} zz`] };
    if (bucket < 19) return { type: 'kind', kind: KINDS[i % KINDS.length]!, credentials: CREDENTIALS[i % CREDENTIALS.length]! };
    return { type: 'generic', sectionTitle: SECTION_TITLES[i % SECTION_TITLES.length]!, status: 'unsigned' };
  });
}

function ruleOf(spec: Spec, i: number, jsonPath: boolean): RuleSpec {
  const p = (path: string) => (jsonPath ? `$.${path}` : path);
  const base = { id: `r${i}`, pack: 'bench', scope: 'document' as const, title: `r${i}`, category: 'coding' as const, severity: 'info' as const, citation: 'bench', message: 'r{{item.title}}' };
  switch (spec.type) {
    case 'keyword':
      return { ...base, conditions: { all: [{ fact: 'documentText', operator: 'containsAnyTerm', value: spec.terms }, { fact: 'item', path: p('signature.status'), operator: 'equal', value: 'signed' }] } };
    case 'kind':
      return {
        ...base,
        ...(jsonPath ? {} : { appliesTo: [spec.kind] }),
        conditions: { all: [
          ...(jsonPath ? [{ fact: 'item', path: p('kind'), operator: 'equal', value: spec.kind }] : []),
          { fact: 'item', path: p('author.credentials.value'), operator: 'equal', value: spec.credentials },
          { fact: 'item', path: p('signature.status'), operator: 'equal', value: 'unsigned' },
        ] },
      };
    case 'generic':
      return { ...base, conditions: { all: [{ fact: 'item', path: p('sections.0.title'), operator: 'equal', value: spec.sectionTitle }, { fact: 'item', path: p('signature.status'), operator: 'equal', value: spec.status }] } };
  }
}

function closureOf(spec: Spec): (doc: ChartDocument, tokens: Set<string>) => boolean {
  switch (spec.type) {
    case 'keyword': {
      const phrases = spec.terms.map((t) => tokenize(t));
      return (doc, tokens) => doc.signature.status === 'signed' && phrases.some((ph) => ph.length === 1 && tokens.has(ph[0]!));
    }
    case 'kind':
      return (doc) => doc.kind === spec.kind && doc.author?.credentials?.value === spec.credentials && doc.signature.status === 'unsigned';
    case 'generic':
      return (doc) => doc.sections[0]?.title === spec.sectionTitle && doc.signature.status === spec.status;
  }
}

function textOf(doc: ChartDocument): string {
  return [doc.title.value, ...doc.sections.map((s) => `${s.title}: ${s.text}`)].join('\n');
}

/** Naive json-rules-engine: all rules in one engine, JSONPath paths, one run per document, facts recomputed each run. */
function naive(specs: Spec[]): (chart: ChartSnapshot) => Promise<number> {
  const engine = new Engine(specs.map((s, i) => { const r = ruleOf(s, i, true); return { name: r.id, conditions: r.conditions, event: { type: r.id } }; }), { allowUndefinedFacts: true });
  engine.addOperator(new Operator(containsAnyTerm.name, containsAnyTerm.evaluate, containsAnyTerm.acceptsFactValue));
  return async (chart) => {
    let found = 0;
    for (const doc of chart.documents) found += (await engine.run({ item: doc, documentText: textOf(doc), chart })).events.length;
    return found;
  };
}

function closures(specs: Spec[]): (chart: ChartSnapshot) => number {
  const fns = specs.map(closureOf);
  const tokenSets = new WeakMap<ChartDocument, Set<string>>();
  return (chart) => {
    let found = 0;
    for (const doc of chart.documents) {
      // Like chartlint's token cache: a note's words are worked out once, not on every run.
      let tokens = tokenSets.get(doc);
      if (!tokens) tokenSets.set(doc, (tokens = new Set(tokenize(textOf(doc)))));
      for (const fn of fns) if (fn(doc, tokens)) found++;
    }
    return found;
  };
}

async function median(fn: () => Promise<unknown>, budgetMs: number, maxReps: number): Promise<{ ms: number; reps: number }> {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxReps && (times.length < 1 || performance.now() - start < budgetMs)) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, reps: times.length };
}

interface Row { rules: number; docs: number; naiveMs: number; naiveReps: number; chartlintMs: number; keystrokeMs: number; closuresMs: number; findings: number }

export async function run(): Promise<void> {
  const rows: Row[] = [];
  for (const ruleCount of RULE_COUNTS) {
    const specs = makeSpecs(ruleCount);
    const pack: RulePack = { name: 'bench', rules: specs.map((s, i) => ruleOf(s, i, false)) };
    const evaluator = createEvaluator([pack]);
    const naiveRun = naive(specs);
    const closureRun = closures(specs);
    for (const docCount of DOC_COUNTS) {
      const chart = makeChart(docCount);
      const expected = closureRun(chart);
      const ours = (await evaluator.evaluate(chart)).length;
      // The naive engine over 2,000 documents takes tens of seconds a run: fewer repetitions there, same sizes.
      const naiveBudget = ruleCount * docCount > 1_000_000 ? 1 : 3;
      let naiveFound = -1;
      const naiveTime = await median(async () => { naiveFound = await naiveRun(chart); }, 2_000, naiveBudget);
      if (naiveFound !== expected || ours !== expected) throw new Error(`variants disagree at ${ruleCount} rules × ${docCount} docs: naive ${naiveFound}, chartlint ${ours}, closures ${expected}`);
      const full = await median(() => evaluator.evaluate(chart), 2_000, 50);
      const closureTime = await median(() => Promise.resolve(closureRun(chart)), 1_000, 200);
      let edit = 0;
      const keystroke = await median(async () => {
        const changed = structuredClone(chart.documents[0]!);
        changed.sections[0]!.text += ` ${VOCABULARY[edit++ % VOCABULARY.length]!}`;
        await evaluator.evaluate({ ...chart, documents: [changed, ...chart.documents.slice(1)] }, { changedDocumentIds: [changed.id] });
      }, 1_000, 100);
      const row = { rules: ruleCount, docs: docCount, naiveMs: naiveTime.ms, naiveReps: naiveTime.reps, chartlintMs: full.ms, keystrokeMs: keystroke.ms, closuresMs: closureTime.ms, findings: expected };
      rows.push(row);
      console.log(`${ruleCount} rules × ${docCount} docs: naive ${row.naiveMs.toFixed(1)} ms (${row.naiveReps} runs), chartlint ${row.chartlintMs.toFixed(2)} ms, keystroke ${row.keystrokeMs.toFixed(2)} ms, closures ${row.closuresMs.toFixed(3)} ms`);
    }
  }
  const shipped = await shippedPacks();
  console.log(`shipped packs, 20-document chart: ${shipped.ms.toFixed(3)} ms, ${shipped.findings} findings`);
  writeResults(rows, shipped);
}

/** The shipped packs on a realistic 20-document inpatient chart (the demo chart's documents, repeated). */
async function shippedPacks(): Promise<{ ms: number; findings: number; rules: number }> {
  const { packs } = loadPacks(readPackFiles(new URL('../rules', import.meta.url).pathname));
  const demo = JSON.parse(readFileSync(new URL('../tests/fixtures/demo-ehr/chart.expected.json', import.meta.url), 'utf8')) as ChartSnapshot;
  const documents = Array.from({ length: 20 }, (_, i) => ({ ...demo.documents[i % demo.documents.length]!, id: `doc-${i}` }));
  const chart = { ...demo, documents };
  const evaluator = createEvaluator(packs);
  const findings = (await evaluator.evaluate(chart)).length;
  const { ms } = await median(() => evaluator.evaluate(chart), 1_000, 500);
  return { ms, findings, rules: packs.reduce((n, p) => n + p.rules.length, 0) };
}

function writeResults(rows: Row[], shipped: { ms: number; findings: number; rules: number }): void {
  const at = new Date().toISOString();
  writeFileSync(new URL('./results/engine.json', import.meta.url), JSON.stringify({ at, node: process.version, rows, shipped }, null, 2) + '\n');
  const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3));
  const lines = [
    '# Rules engine benchmark', '',
    `${at}, Node ${process.version}. Median ms per evaluation of the whole chart. Synthetic rules: 70 % keyword`,
    'rules (term in the note + signed), 25 % per-kind rules, 5 % rules for every document. All variants find the same.',
    '- naive: json-rules-engine, all rules in one reused engine, JSONPath paths, one run per document, facts recomputed per run',
    '- chartlint: createEvaluator (rules indexed by scope/kind and keyword, facts once per item, synchronous pre-filter, json-rules-engine for the rules that fire)',
    '- keystroke: chartlint after one document changed, with changedDocumentIds',
    '- closures: hand-written functions, the floor', '',
    '| rules | documents | naive | chartlint | keystroke | closures | naive / chartlint | chartlint / closures | findings |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.rules} | ${r.docs} | ${f(r.naiveMs)}${r.naiveReps < 3 ? ` (${r.naiveReps} run)` : ''} | ${f(r.chartlintMs)} | ${f(r.keystrokeMs)} | ${f(r.closuresMs)} | ${(r.naiveMs / r.chartlintMs).toFixed(0)}× | ${(r.chartlintMs / r.closuresMs).toFixed(1)}× | ${r.findings} |`),
    '', `Shipped packs (${shipped.rules} rules) on a 20-document inpatient chart: ${f(shipped.ms)} ms, ${shipped.findings} findings.`,
    '', 'Targets: shipped packs on 20 documents < 2 ms; 5,000 rules on 200 documents < 20 ms; keystroke < 5 ms.', '',
  ];
  writeFileSync(new URL('./results/engine.md', import.meta.url), lines.join('\n'));
}
