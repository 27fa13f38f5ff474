import { parseArgs } from 'node:util';
import { runCase } from '../engine/cases.ts';
import { createEvaluator } from '../engine/evaluate.ts';
import { readCaseFiles, readPackFiles } from '../engine/node-packs.ts';
import { loadPacks } from '../engine/packs.ts';
import { packList, rulesDir } from './rules-dir.ts';

/**
 * `chartlint test-rules [--packs a,b]`: runs every rule's cases and ends with
 * `rules: N passed, M failed`. Exit 1 on a failed case, a pack that does not load, or a rule
 * without cases.
 */
export async function testRulesCommand(args: string[]): Promise<number> {
  let packs: string[] | undefined;
  try {
    packs = packList(parseArgs({ args, options: { packs: { type: 'string' } } }).values.packs);
  } catch (error) {
    console.error(`chartlint test-rules: ${(error as Error).message}`);
    return 2;
  }
  const dir = rulesDir();
  const loaded = loadPacks(readPackFiles(dir, packs));
  for (const e of loaded.errors) console.error(`FAIL ${e.file}${e.rule ? ` (${e.rule})` : ''}: ${e.message}`);
  const caseFiles = readCaseFiles(dir, packs);
  const evaluator = createEvaluator(loaded.packs);
  let passed = 0;
  let failed = loaded.errors.length;
  for (const rule of loaded.packs.flatMap((p) => p.rules)) {
    if (!caseFiles.some((f) => f.pack === rule.pack && f.rule === rule.id)) {
      console.error(`FAIL ${rule.pack}/${rule.id}: no cases file`);
      failed++;
    }
  }
  for (const file of caseFiles) {
    for (const testCase of file.cases) {
      const problems = await runCase(loaded.packs, file.rule, testCase, evaluator);
      if (problems.length === 0) passed++;
      else {
        failed++;
        console.error(`FAIL ${file.file} › ${testCase.name}\n${problems.map((p) => `  ${p}`).join('\n')}`);
      }
    }
  }
  console.log(`rules: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
