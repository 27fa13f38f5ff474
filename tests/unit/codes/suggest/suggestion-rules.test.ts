// The cases of the suggestion rules (coding pack and documentation pack) run in
// `npm run test:rules` against the fallback table; here against the full FY2027 table too.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setActiveCodeTable } from '../../../../src/codes/active-table.ts';
import { decodeStarter, encodeStarter } from '../../../../src/codes/starter-format.ts';
import { readSharedStarterInput } from '../../../../src/codes/starter-sources-node.ts';
import { CodeTable } from '../../../../src/codes/table.ts';
import { runCase } from '../../../../src/engine/cases.ts';
import { createEvaluator } from '../../../../src/engine/evaluate.ts';
import { readCaseFiles, readPackFiles } from '../../../../src/engine/node-packs.ts';
import { loadPacks } from '../../../../src/engine/packs.ts';
import { hasShared, SHARED_CODESETS } from '../shared-codesets.ts';

const RULES = resolve(process.cwd(), 'rules');
const SUGGESTION_RULES = new Set(['documented-diagnosis-not-coded', 'personal-history-code', 'combination-code-presumed', 'more-specific-code-documented', 'query-unspecified-diagnosis']);
const loaded = loadPacks(readPackFiles(RULES, ['coding', 'documentation']));
const cases = readCaseFiles(RULES, ['coding', 'documentation'])
  .filter((f) => SUGGESTION_RULES.has(f.rule))
  .flatMap((f) => f.cases.map((c) => ({ rule: f.rule, name: c.name, testCase: c })));

describe('suggestion rules', () => {
  it('load, each with cases', () => {
    expect(loaded.errors).toEqual([]);
    expect(new Set(cases.map((c) => c.rule))).toEqual(SUGGESTION_RULES);
  });

  it.each(cases)('$rule (fallback table): $name', async ({ rule, testCase }) => {
    expect(await runCase(loaded.packs, rule, testCase, createEvaluator(loaded.packs))).toEqual([]);
  });

  it('the query finding carries the draft in its query and offers the code for review', async () => {
    const evaluator = createEvaluator(loaded.packs);
    const queryCase = cases.find((c) => c.rule === 'query-unspecified-diagnosis')!;
    const { snapshotFromCase } = await import('../../../../src/engine/case-snapshot.ts');
    const finding = (await evaluator.evaluate(snapshotFromCase(queryCase.testCase.snapshot))).find((f) => f.rule === 'query-unspecified-diagnosis');
    expect(finding?.category).toBe('documentation');
    expect(finding?.query).toContain('Clinically undetermined');
    expect(finding?.query).not.toMatch(/DRG|payment|reimbursement/i);
    expect(finding?.codes).toEqual([expect.objectContaining({ code: 'I50.9', action: 'review' })]);
  });
});

describe.skipIf(!hasShared)('suggestion rules against the full FY2027 table', () => {
  beforeAll(() => {
    setActiveCodeTable(new CodeTable(decodeStarter(encodeStarter(readSharedStarterInput(SHARED_CODESETS)))));
  }, 30_000);
  afterAll(() => setActiveCodeTable(undefined));

  it.each(cases)('$rule: $name', async ({ rule, testCase }) => {
    expect(await runCase(loaded.packs, rule, testCase, createEvaluator(loaded.packs))).toEqual([]);
  });
});
