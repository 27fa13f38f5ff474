import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/engine/cases.ts';
import { createEvaluator } from '../../src/engine/evaluate.ts';
import { readCaseFiles, readPackFiles } from '../../src/engine/node-packs.ts';
import { loadPacks } from '../../src/engine/packs.ts';

// Every rule's own cases (rules/<pack>/<rule>.cases.json), run against all shipped packs.
const rulesDir = resolve(import.meta.dirname, '../../rules');
const { packs, errors } = loadPacks(readPackFiles(rulesDir));
const caseFiles = readCaseFiles(rulesDir);
const shared = createEvaluator(packs);
const noIndex = { prefilter: false };
const unfiltered = createEvaluator(packs, {}, noIndex);

describe('shipped rule packs', () => {
  it('load without errors', () => {
    expect(errors).toEqual([]);
  });

  it('give every rule a cases file with a case that fires and one that does not', () => {
    for (const rule of packs.flatMap((p) => p.rules)) {
      const file = caseFiles.find((f) => f.pack === rule.pack && f.rule === rule.id);
      expect(file, `${rule.pack}/${rule.id}.cases.json`).toBeDefined();
      expect(file!.cases.some((c) => c.expect.length > 0), `${rule.id}: a case that fires`).toBe(true);
      expect(file!.cases.some((c) => c.expect.length === 0), `${rule.id}: a case that stays quiet`).toBe(true);
    }
  });

  it('have no cases file without a rule', () => {
    const ids = new Set(packs.flatMap((p) => p.rules.map((r) => `${r.pack}/${r.id}`)));
    expect(caseFiles.map((f) => `${f.pack}/${f.rule}`).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe.each(caseFiles.map((f) => [f.file, f] as const))('%s', (_file, { rule, cases }) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    expect(await runCase(packs, rule, testCase, shared)).toEqual([]);
    // The evaluator's index must never hide a finding json-rules-engine alone would give.
    expect(await runCase(packs, rule, testCase, unfiltered, noIndex)).toEqual([]);
  });
});
