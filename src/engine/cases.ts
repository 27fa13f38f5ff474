import type { Finding } from './finding.ts';
import { snapshotFromCase } from './case-snapshot.ts';
import { createEvaluator, type Evaluator, type EvaluatorOptions } from './evaluate.ts';
import type { RulePack } from './rule.ts';
import type { EngineSettings } from './settings.ts';

/** What a case expects: a finding of the rule on this item (and, if given, words of its message). */
export interface ExpectedFinding {
  subject: string;
  message?: string;
}

/** One case of rules/<pack>/<rule-id>.cases.json. */
export interface RuleCase {
  name: string;
  /** Compact snapshot; see snapshotFromCase. */
  snapshot: unknown;
  /** Facility settings for this case, when it tests a threshold. */
  settings?: Partial<EngineSettings>;
  /** The rule's findings, exactly: [] when it must stay quiet. */
  expect: ExpectedFinding[];
}

/** A cases file as read from disk. */
export interface CasesFile {
  pack: string;
  rule: string;
  file: string;
  cases: RuleCase[];
}

/** Runs one case against all packs (so cases also catch interference) and checks the rule's findings. */
export async function runCase(
  packs: RulePack[],
  rule: string,
  testCase: RuleCase,
  shared?: Evaluator,
  options?: EvaluatorOptions,
): Promise<string[]> {
  const evaluator = testCase.settings || !shared ? createEvaluator(packs, testCase.settings, options) : shared;
  const findings = (await evaluator.evaluate(snapshotFromCase(testCase.snapshot))).filter((f) => f.rule === rule);
  return compare(findings, testCase.expect);
}

function compare(findings: Finding[], expected: ExpectedFinding[]): string[] {
  const problems: string[] = [];
  const unmatched = [...findings];
  for (const want of expected) {
    const at = unmatched.findIndex((f) => f.subject === want.subject && (!want.message || f.message.includes(want.message)));
    if (at >= 0) unmatched.splice(at, 1);
    else {
      const near = findings.find((f) => f.subject === want.subject);
      problems.push(`expected a finding on "${want.subject}"${want.message ? ` with "${want.message}"` : ''}${near ? `; got "${near.message}"` : ''}`);
    }
  }
  for (const extra of unmatched) problems.push(`unexpected finding on "${extra.subject}": ${extra.message}`);
  return problems;
}
