#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { snapshotFromFile } from '../chart/from-file.ts';
import { auditCommand } from './audit.ts';
import { groupCommand } from './group.ts';
import { testRulesCommand } from './test-rules.ts';

const USAGE = `Usage:
  chartlint snapshot FILE              print the ChartSnapshot JSON of a saved page, C-CDA XML or FHIR JSON
  chartlint audit FILE... [--format json|text] [--packs a,b] [--strict]
                                       run the rule packs and say what was read; exit 1 when
                                       error findings exist (--strict: or the read is incomplete)
  chartlint test-rules [--packs a,b]   run every rule's test cases
  chartlint group FILE.jsonl|- [--format jsonl|table|csv] [--shared=DIR]
                                       MS-DRG v43.1 and MCE per claim; exit 1 when a line was skipped`;

/** The CLI: the same pure core as the extension, over files. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'snapshot':
      return snapshotCommand(rest);
    case 'audit':
      return auditCommand(rest);
    case 'test-rules':
      return testRulesCommand(rest);
    case 'group':
      return groupCommand(rest);
    case undefined:
    case '-h':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`chartlint: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

async function snapshotCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    console.error('chartlint snapshot: give exactly one FILE');
    return 2;
  }
  const snapshot = await snapshotFromFile(positionals[0]!);
  console.log(JSON.stringify(snapshot, null, 2));
  return 0;
}
