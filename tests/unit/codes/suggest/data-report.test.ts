// The build step's report of malformed knowledge-file entries (data-report.ts, run by
// scripts/check-coding-data.ts): the shipped files have none; a broken synonym, mapping or
// combination is named with its file and line, and the other entries of that file still load.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combinationProblem, COMBINATIONS_FILE, loadCombinations } from '../../../../src/codes/suggest/combinations.ts';
import { formatProblem } from '../../../../src/codes/suggest/data-check.ts';
import { CODING_DATA_FILES, codingDataProblems, dataFileProblems } from '../../../../src/codes/suggest/data-report.ts';
import { LEXICON_FILE } from '../../../../src/codes/suggest/lexicon.ts';
import { STATUS_FILE } from '../../../../src/codes/suggest/status.ts';

const read = (file: string) => readFileSync(resolve(process.cwd(), file), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('coding knowledge files at build time', () => {
  it('the shipped files have no malformed entry', () => {
    expect(codingDataProblems(read).map(formatProblem)).toEqual([]);
  });

  it('a malformed synonym in lexicon.json is reported with its file and line', () => {
    const text = read(LEXICON_FILE).replace('"code": "I10",', '"code": "hypertension",');
    const problems = dataFileProblems(LEXICON_FILE, text);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^src/codes/suggest/lexicon\\.json:\\d+: "hypertension" is not an ICD-10-CM code \\(/terms/\\d+\\)$`))]);
    expect(problems[0]!.line).toBeLessThanOrEqual(lineOf(text, '"code": "hypertension"'));
    expect(problems[0]!.line).toBeGreaterThanOrEqual(lineOf(text, '"code": "hypertension"') - 1);
  });

  it('a malformed drug mapping in status-codes.json is reported with its file and line', () => {
    const text = read(STATUS_FILE).replace('"code": "Z79.4",', '"code": "insulin",');
    const [problem, ...rest] = dataFileProblems(STATUS_FILE, text);
    expect(rest).toEqual([]);
    expect(formatProblem(problem!)).toMatch(/^src\/codes\/suggest\/status-codes\.json:\d+: "code" "insulin" is not an ICD-10-CM code \(\/drugs\/\d+\)$/);
  });

  it('a malformed combination is left out with its line; the others still apply', () => {
    const text = read(COMBINATIONS_FILE).replace('"code": "I13.2",', '"code": "I13-2",');
    const raw = JSON.parse(text) as { combinations: unknown[] };
    const { combinations, problems } = loadCombinations(raw, COMBINATIONS_FILE, text);
    expect(combinations).toHaveLength(raw.combinations.length - 1);
    expect(problems.map((p) => [p.pointer, p.line])).toEqual([['/combinations/0', lineOf(text, '"code": "I13-2"') - 2]]);
  });

  it('a file that is not JSON is reported at the line of the parse error', () => {
    const text = read(STATUS_FILE).replace('"code": "Z79.4",', '"code": "Z79.4",,');
    const [problem] = dataFileProblems(STATUS_FILE, text);
    expect(problem?.message).toMatch(/^not valid JSON/);
    expect(problem?.line).toBe(lineOf(text, '"Z79.4",,'));
  });

  it('checks the lexicon, the status mappings and the combinations', () => {
    expect([...CODING_DATA_FILES]).toEqual([LEXICON_FILE, STATUS_FILE, COMBINATIONS_FILE]);
  });

  it.each([
    [{ id: 'x', code: 'E11.22', when: [['E11']], replaces: [], requires: [], conditions: 'c', guideline: 'g' }, '"when" must be two or more non-empty lists of code prefixes'],
    [{ id: 'x', code: 'E11.22', when: [['E11'], ['N18']], replaces: ['not a code'], requires: [], conditions: 'c', guideline: 'g' }, '"replaces" and "requires" must be lists of code prefixes'],
    [{ code: 'E11.22' }, 'missing "id"'],
  ])('combination %j: %s', (entry, message) => {
    expect(combinationProblem(entry)).toBe(message);
  });
});
