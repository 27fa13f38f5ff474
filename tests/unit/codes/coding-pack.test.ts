// The coding pack's cases run in `npm run test:rules` against the fallback table (what the
// engine reads when nobody sets one). Here they run again against the full current table
// built from ../shared/codesets, so a case cannot pass only because the fallback list is short.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setActiveCodeTable } from '../../../src/codes/active-table.ts';
import { decodeStarter, encodeStarter } from '../../../src/codes/starter-format.ts';
import { readSharedStarterInput } from '../../../src/codes/starter-sources-node.ts';
import { CodeTable } from '../../../src/codes/table.ts';
import { runCase } from '../../../src/engine/cases.ts';
import { createEvaluator } from '../../../src/engine/evaluate.ts';
import { readCaseFiles, readPackFiles } from '../../../src/engine/node-packs.ts';
import { loadPacks } from '../../../src/engine/packs.ts';
import { hasShared, SHARED_CODESETS } from './shared-codesets.ts';

const RULES = resolve(process.cwd(), 'rules');
const loaded = loadPacks(readPackFiles(RULES, ['coding']));
const cases = readCaseFiles(RULES, ['coding']).flatMap((f) => f.cases.map((c) => ({ rule: f.rule, name: c.name, testCase: c })));

describe.skipIf(!hasShared)('coding pack cases against the full FY2027 table', () => {
  beforeAll(() => {
    setActiveCodeTable(new CodeTable(decodeStarter(encodeStarter(readSharedStarterInput(SHARED_CODESETS)))));
  }, 30_000);
  afterAll(() => setActiveCodeTable(undefined));

  it('loads without errors', () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.packs[0]?.rules.length).toBeGreaterThanOrEqual(11);
  });

  it.each(cases)('$rule: $name', async ({ rule, testCase }) => {
    expect(await runCase(loaded.packs, rule, testCase, createEvaluator(loaded.packs))).toEqual([]);
  });
});
