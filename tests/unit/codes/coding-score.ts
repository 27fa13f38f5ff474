// Scores chartlint's code suggestions on a folder of coding charts with gold files, in process,
// with the same rule packs and table as `chartlint audit`. Counts as ../shared/tools/score-findings.mjs
// does: a code is suggested when some finding offers it with an action that is not a removal,
// query or review; a must code counts when suggested (or, here, kept: on the chart and not
// questioned by any finding); a mustNot code suggested is a wrong-code trap.
//
//   npx tsx tests/unit/codes/coding-score.ts [corpus-dir]     (npm run score:coding)
//
// Every `<name>.expected.json` of the folder is scored against `<name>.(html|htm|xml|json)`:
// a chart added to the folder is scored without code changes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotFromFile } from '../../../src/chart/from-file.ts';
import { setActiveCodeTable } from '../../../src/codes/active-table.ts';
import { loadStarterTable } from '../../../src/codes/starter-table.ts';
import { chartSuggestions } from '../../../src/codes/suggest/chart-suggestions.ts';
import { codesOnChart } from '../../../src/codes/suggest/codes-on-chart.ts';
import { isInpatient } from '../../../src/codes/suggest/setting.ts';
import { createEvaluator, type Evaluator } from '../../../src/engine/evaluate.ts';
import type { Finding } from '../../../src/engine/finding.ts';
import { readPackFiles } from '../../../src/engine/node-packs.ts';
import { loadPacks } from '../../../src/engine/packs.ts';

export const CODING_CORPUS = resolve(process.cwd(), 'tests/corpus/coding');
const CHART_EXTS = ['.html', '.htm', '.xml', '.json'];
// As score-findings.mjs: code entries whose action says "take this away / this is in question".
const NOT_A_SUGGESTION = /^(remove|removed|delete|deleted|reject|rejected|skip|skipped|exclude|excluded|negated|ruled[-_ ]?out|none|invalid|question|questioned|query|review|current|existing|entered|flag|flagged|from|old|replace[-_ ]?from|replaced)$/i;

/** The gold file of a chart. */
export interface CodingGold {
  /** 'inpatient' or 'outpatient'. */
  setting: string;
  codes: { must: string[]; mustNot?: string[]; acceptable?: string[] };
  principal?: string;
  rationale?: Record<string, string>;
}

/** One chart's score. */
export interface ChartScore {
  chart: string;
  setting: string;
  /** The setting chartlint codes the chart by. */
  readAs: 'inpatient' | 'outpatient';
  must: number;
  mustFound: string[];
  mustMissing: string[];
  /** Must codes found only because the chart already reports them (and nothing questions them). */
  mustKept: string[];
  /** Distinct codes suggested (added or replacing). */
  suggested: string[];
  /** Suggested codes that are must or acceptable. */
  suggestedRight: string[];
  /** Suggested codes neither must, acceptable nor mustNot. */
  suggestedOther: string[];
  /** mustNot codes suggested: wrong codes. */
  traps: string[];
  /** mustNot codes the chart reports that no finding questions (informational). */
  trapsKept: string[];
  principalGold?: string;
  principalGiven?: string;
  error?: string;
}

export interface CorpusScore {
  dir: string;
  charts: ChartScore[];
  totals: {
    charts: number;
    must: number;
    mustFound: number;
    suggested: number;
    suggestedRight: number;
    traps: number;
    trapsKept: number;
    principals: number;
    principalsAgree: number;
    settingsAgree: number;
    errors: number;
  };
  /** Percentages, one decimal. */
  recall: number;
  precision: number;
  principal: number;
}

const norm = (code: string): string => code.toUpperCase().replace(/[.\s]/g, '');
const dot = (code: string): string => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
const pct = (a: number, b: number): number => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);

/** The charts of a folder: stem, chart file and gold. */
export function corpusCharts(dir: string): { stem: string; file: string; gold: CodingGold }[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.expected.json'))
    .sort()
    .flatMap((n) => {
      const stem = n.slice(0, -'.expected.json'.length);
      const chart = CHART_EXTS.map((e) => join(dir, stem + e)).find((f) => existsSync(f));
      if (!chart) return [];
      return [{ stem, file: chart, gold: JSON.parse(readFileSync(join(dir, n), 'utf8')) as CodingGold }];
    });
}

let evaluator: Evaluator | undefined;
function engine(): Evaluator {
  if (!evaluator) {
    const { packs } = loadPacks(readPackFiles(resolve(process.cwd(), 'rules')));
    setActiveCodeTable(loadStarterTable());
    evaluator = createEvaluator(packs);
  }
  return evaluator;
}

/** Scores one chart's findings (and the engine's principal) against its gold. */
export function scoreFindings(stem: string, gold: CodingGold, findings: readonly Pick<Finding, 'codes'>[], chartCodes: ReadonlySet<string>, principal: string | undefined, readAs: ChartScore['readAs']): ChartScore {
  const offered = findings.flatMap((f) => f.codes ?? []);
  const suggested = new Set(offered.filter((c) => !NOT_A_SUGGESTION.test(c.action)).map((c) => norm(c.code)));
  const questioned = new Set(offered.filter((c) => NOT_A_SUGGESTION.test(c.action)).map((c) => norm(c.code)));
  const kept = new Set([...chartCodes].filter((c) => !questioned.has(c)));
  const must = gold.codes.must.map(norm);
  const mustNot = new Set((gold.codes.mustNot ?? []).map(norm));
  const acceptable = new Set((gold.codes.acceptable ?? []).map(norm));
  const right = (c: string) => must.includes(c) || acceptable.has(c);
  const list = (codes: Iterable<string>) => [...codes].map(dot);
  return {
    chart: stem,
    setting: gold.setting,
    readAs,
    must: must.length,
    mustFound: list(must.filter((c) => suggested.has(c) || kept.has(c))),
    mustMissing: list(must.filter((c) => !suggested.has(c) && !kept.has(c))),
    mustKept: list(must.filter((c) => !suggested.has(c) && kept.has(c))),
    suggested: list(suggested),
    suggestedRight: list([...suggested].filter(right)),
    suggestedOther: list([...suggested].filter((c) => !right(c) && !mustNot.has(c))),
    traps: list([...suggested].filter((c) => mustNot.has(c))),
    trapsKept: list([...kept].filter((c) => mustNot.has(c))),
    ...(gold.principal ? { principalGold: dot(norm(gold.principal)) } : {}),
    ...(principal ? { principalGiven: dot(principal) } : {}),
  };
}

/** Audits one chart as the CLI does and scores it. */
export async function scoreChart(stem: string, file: string, gold: CodingGold): Promise<ChartScore> {
  try {
    const snapshot = await snapshotFromFile(file);
    const findings = await engine().evaluate(snapshot);
    const chart = codesOnChart(snapshot);
    // The principal: the suggestion marked as such, else the chart's own when nothing replaces it.
    const marked = chartSuggestions(snapshot).find((s) => s.sequence);
    const principal = marked ? norm(marked.code) : chart.principal;
    return scoreFindings(stem, gold, findings, new Set(chart.codes.keys()), principal, isInpatient(snapshot) ? 'inpatient' : 'outpatient');
  } catch (error) {
    const base = scoreFindings(stem, gold, [], new Set(), undefined, 'outpatient');
    return { ...base, error: String(error instanceof Error ? error.message : error) };
  }
}

/** Scores every chart of `dir` as a whole. */
export async function scoreCorpus(dir: string = CODING_CORPUS): Promise<CorpusScore> {
  const charts: ChartScore[] = [];
  for (const { stem, file, gold } of corpusCharts(dir)) charts.push(await scoreChart(stem, file, gold));
  const sum = (f: (c: ChartScore) => number) => charts.reduce((t, c) => t + f(c), 0);
  const withPrincipal = charts.filter((c) => c.principalGold);
  const totals = {
    charts: charts.length,
    must: sum((c) => c.must),
    mustFound: sum((c) => c.mustFound.length),
    suggested: sum((c) => c.suggested.length),
    suggestedRight: sum((c) => c.suggestedRight.length),
    traps: sum((c) => c.traps.length),
    trapsKept: sum((c) => c.trapsKept.length),
    principals: withPrincipal.length,
    principalsAgree: withPrincipal.filter((c) => c.principalGiven === c.principalGold).length,
    settingsAgree: charts.filter((c) => c.readAs === c.setting).length,
    errors: charts.filter((c) => c.error).length,
  };
  return {
    dir,
    charts,
    totals,
    recall: pct(totals.mustFound, totals.must),
    precision: pct(totals.suggestedRight, totals.suggested),
    principal: pct(totals.principalsAgree, totals.principals),
  };
}

/** The per-chart table and the totals line, as `npm run score:coding` prints them. */
export function scoreReport(score: CorpusScore, verbose = false): string {
  const header = ['chart', 'setting', 'read as', 'recall', 'precision', 'traps', 'principal'];
  const rows = score.charts.map((c) => [
    c.chart,
    c.setting,
    c.error ? 'ERROR' : c.readAs,
    `${c.mustFound.length}/${c.must}`,
    `${c.suggestedRight.length}/${c.suggested.length}`,
    String(c.traps.length),
    c.principalGold ? `${c.principalGiven === c.principalGold ? 'ok' : 'no'} ${c.principalGiven ?? '-'}` : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (verbose) {
    for (const c of score.charts) {
      out.push('', `== ${c.chart}${c.error ? `  ERROR ${c.error}` : ''}`);
      if (c.mustMissing.length) out.push(`  missing:        ${c.mustMissing.join(', ')}`);
      if (c.mustKept.length) out.push(`  kept on chart:  ${c.mustKept.join(', ')}`);
      if (c.traps.length) out.push(`  TRAPS:          ${c.traps.join(', ')}`);
      if (c.suggestedOther.length) out.push(`  not in gold:    ${c.suggestedOther.join(', ')}`);
      if (c.trapsKept.length) out.push(`  trap on chart, not questioned: ${c.trapsKept.join(', ')}`);
      if (c.principalGold && c.principalGiven !== c.principalGold) out.push(`  principal:      ${c.principalGiven ?? '-'} (gold ${c.principalGold})`);
    }
  }
  const t = score.totals;
  out.push(
    '',
    `coding corpus ${score.dir}: ${t.charts} charts; code recall ${score.recall}% (${t.mustFound}/${t.must}), precision ${score.precision}% (${t.suggestedRight}/${t.suggested}), ` +
      `wrong-code traps ${t.traps}, principal ${score.principal}% (${t.principalsAgree}/${t.principals}), setting ${t.settingsAgree}/${t.charts}` +
      (t.trapsKept ? `, traps on the chart not questioned ${t.trapsKept}` : '') +
      (t.errors ? `, charts that failed ${t.errors}` : ''),
  );
  return out.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const dir = args.find((a) => !a.startsWith('-'));
  console.log(scoreReport(await scoreCorpus(dir ? resolve(dir) : CODING_CORPUS), verbose));
}
