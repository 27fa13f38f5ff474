// The coding corpora (tests/corpus/coding and tests/corpus/coding-unseen: HTML pages, FHIR
// bundles, C-CDA documents, each with gold codes by the ICD-10-CM guidelines and wrong-code
// traps) scored as a whole, the figures held at what the suggester reaches on each. Both are
// development sets now; a held-out folder is scored with CODING_CORPUS=<dir> (reported only):
//   CODING_CORPUS=tests/corpus/coding-unseen-2 npx vitest run --project unit tests/unit/codes/coding-corpus.test.ts
// Each folder is scored as found: a chart added to it counts at once.
// The per-chart table: npm run score:coding [-- <dir> --verbose].
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { starterOrigin } from '../../../src/codes/starter-table.ts';
import { CODING_CORPUS, corpusCharts, scoreCorpus, scoreFindings, scoreReport, type CorpusScore } from './coding-score.ts';

const dir = process.env.CODING_CORPUS ? resolve(process.env.CODING_CORPUS) : CODING_CORPUS;
const own = dir === CODING_CORPUS;
const full = starterOrigin().builtFrom === 'shared-codesets';

/** The floors, at what the suggester reaches on the project's first folder, rounded down (issue 12 asks 85 / 90 / 0). */
const FLOOR = { recall: 83, precision: 98, traps: 0, principal: 85 };
/** ...and on the second folder, written in other styles (held out until issue 12's second step), rounded down. */
const UNSEEN = resolve(process.cwd(), 'tests/corpus/coding-unseen');
const UNSEEN_FLOOR = { recall: 75, precision: 98, traps: 0, principal: 70 };

describe('the scorer counts as score-findings.mjs does', () => {
  const gold = { setting: 'inpatient', codes: { must: ['I13.0', 'Z79.4', 'N18.32'], mustNot: ['I10'], acceptable: ['Z80.3'] }, principal: 'I13.0' };
  const code = (c: string, action: 'add' | 'replace' | 'remove' | 'review') => ({ system: 'ICD-10-CM', code: c, action });
  const finding = (...codes: ReturnType<typeof code>[]) => ({ codes });

  it('a must code counts when suggested, or kept on the chart unquestioned; removals and reviews are not suggestions', () => {
    const s = scoreFindings('x', gold, [finding(code('I13.0', 'replace'), code('I10', 'remove')), finding(code('N18.32', 'review'))], new Set(['I10', 'Z794']), 'I130', 'inpatient');
    expect(s.mustFound).toEqual(['I13.0', 'Z79.4']);
    expect(s.mustKept).toEqual(['Z79.4']);
    expect(s.mustMissing).toEqual(['N18.32']);
    expect(s.suggested).toEqual(['I13.0']);
    expect(s.traps).toEqual([]);
    expect(s.trapsKept).toEqual([]);
  });

  it('precision counts must and acceptable codes over all suggested; a mustNot suggested is a trap', () => {
    const s = scoreFindings('x', gold, [finding(code('I10', 'add')), finding(code('Z80.3', 'add'), code('E78.5', 'add'))], new Set(), undefined, 'inpatient');
    expect(s.suggestedRight).toEqual(['Z80.3']);
    expect(s.suggestedOther).toEqual(['E78.5']);
    expect(s.traps).toEqual(['I10']);
  });
});

describe.skipIf(!full)(`coding corpus ${own ? 'tests/corpus/coding' : dir}`, () => {
  let score: CorpusScore;
  beforeAll(async () => {
    score = await scoreCorpus(dir);
    console.log(scoreReport(score));
  }, 120_000);

  it('scores every chart of the folder, each read without error', () => {
    expect(score.charts.map((c) => c.chart)).toEqual(corpusCharts(dir).map((c) => c.stem));
    expect(score.charts.filter((c) => c.error)).toEqual([]);
    if (own) expect(score.charts.length).toBeGreaterThanOrEqual(15);
  });

  it.runIf(own)('holds code recall, precision, wrong-code traps and principal agreement', () => {
    expect(score.recall).toBeGreaterThanOrEqual(FLOOR.recall);
    expect(score.precision).toBeGreaterThanOrEqual(FLOOR.precision);
    expect(score.totals.traps).toBeLessThanOrEqual(FLOOR.traps);
    expect(score.principal).toBeGreaterThanOrEqual(FLOOR.principal);
  });
});

describe.skipIf(!full)('coding corpus tests/corpus/coding-unseen (a development set since issue 12)', () => {
  let score: CorpusScore;
  beforeAll(async () => {
    score = await scoreCorpus(UNSEEN);
    console.log(scoreReport(score));
  }, 120_000);

  it('scores every chart of the folder, each read without error', () => {
    expect(score.charts.map((c) => c.chart)).toEqual(corpusCharts(UNSEEN).map((c) => c.stem));
    expect(score.charts.filter((c) => c.error)).toEqual([]);
    expect(score.charts.length).toBeGreaterThanOrEqual(10);
  });

  it('holds code recall, precision, wrong-code traps and principal agreement', () => {
    expect(score.recall).toBeGreaterThanOrEqual(UNSEEN_FLOOR.recall);
    expect(score.precision).toBeGreaterThanOrEqual(UNSEEN_FLOOR.precision);
    expect(score.totals.traps).toBeLessThanOrEqual(UNSEEN_FLOOR.traps);
    expect(score.principal).toBeGreaterThanOrEqual(UNSEEN_FLOOR.principal);
  });
});
