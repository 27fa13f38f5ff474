#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { AUDIT_WORKER_COMMAND } from './audit-messages.ts';

const USAGE = `Usage:
  chartlint snapshot FILE              print the ChartSnapshot JSON of a saved page, C-CDA XML or FHIR JSON
  chartlint audit DIR|FILE... [--format text|table|csv|ndjson|json] [--packs a,b] [--strict] [--jobs N]
                                       run the rule packs over charts (folders walked, one worker
                                       per core) and say what was read, with a summary; exit 1 when
                                       error findings exist (--strict: or a read is incomplete),
                                       2 when a file could not be read (the others are audited)
  chartlint test-rules [--packs a,b]   run every rule's test cases
  chartlint group FILE.jsonl|- [--format jsonl|table|csv] [--shared=DIR]
                                       MS-DRG v43.1 and MCE per claim; exit 1 when a line was skipped
  chartlint --version                  print the version`;

/**
 * The CLI: the same pure core as the extension, over files. Returns the exit code. Each command
 * is imported when it runs, so `--help` and `--version` start without loading the DOM, the
 * engine or the code tables.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'snapshot':
      return snapshotCommand(rest);
    case 'audit':
      return (await import('./audit.ts')).auditCommand(rest);
    case 'test-rules':
      return (await import('./test-rules.ts')).testRulesCommand(rest);
    case 'group':
      return (await import('./group.ts')).groupCommand(rest);
    case AUDIT_WORKER_COMMAND:
      // Only as a worker thread of `audit` (audit-pool.ts); from a shell it is an unknown command.
      if (!isMainThread) return (await import('./audit-worker.ts')).runAuditWorker();
      break;
    case '-v':
    case '--version':
      console.log(version());
      return 0;
    case undefined:
    case '-h':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
  }
  console.error(`chartlint: unknown command "${command}"\n${USAGE}`);
  return 2;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function snapshotCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    console.error('chartlint snapshot: give exactly one FILE');
    return 2;
  }
  const file = positionals[0]!;
  const { snapshotFromFile } = await import('../chart/from-file.ts');
  try {
    console.log(JSON.stringify(await snapshotFromFile(file), null, 2));
    return 0;
  } catch (error) {
    const { fileErrorLine } = await import('./file-error.ts');
    console.error(fileErrorLine('snapshot', file, error));
    return 2;
  }
}
