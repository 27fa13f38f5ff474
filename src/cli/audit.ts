import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { AUDIT_FORMATS, auditWriter, type AuditStreams } from './audit-output.ts';
import { auditFiles } from './audit-run.ts';
import { addToSummary, emptySummary } from './audit-summary.ts';
import { chartFiles } from './chart-files.ts';
import { fileErrorLine } from './file-error.ts';
import { progressBar } from './progress-bar.ts';

export const AUDIT_USAGE = 'Usage: chartlint audit DIR|FILE... [--format text|table|csv|ndjson|json] [--packs a,b] [--strict] [--jobs N]';

/**
 * `chartlint audit DIR|FILE...`: the rule packs over saved pages, C-CDA XML or FHIR JSON — one
 * chart or a whole record set (folders are walked), in parallel worker threads (`--jobs`,
 * default one per core), results in file order, then a summary. Exit 2 on usage errors or when
 * any file could not be read; else 1 when any chart has an error finding (with --strict also when
 * any read was incomplete); else 0. A file that cannot be read is one line on
 * stderr and the batch goes on; so is a pack that does not load.
 */
export async function auditCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, packs: { type: 'string' }, strict: { type: 'boolean', default: false }, jobs: { type: 'string' } } });
  } catch (error) {
    console.error(`chartlint audit: ${(error as Error).message}\n${AUDIT_USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const format = AUDIT_FORMATS.find((f) => f === values.format);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (positionals.length === 0 || !format || !Number.isInteger(jobs) || jobs < 1) {
    console.error(AUDIT_USAGE);
    return 2;
  }

  const { files, unreadable } = chartFiles(positionals);
  const bar = progressBar(files.length, process.stderr);
  const streams: AuditStreams = {
    out: (text) => void process.stdout.write(text),
    err: (text) => {
      bar.clear();
      process.stderr.write(text);
    },
  };
  const summary = emptySummary();
  for (const [folder, error] of unreadable) {
    streams.err(`${fileErrorLine('audit', folder, error)}\n`);
    summary.skipped++;
  }
  if (files.length === 0) {
    streams.err(`chartlint audit: no chart files (.html, .htm, .xml, .json) in ${positionals.join(', ')}\n`);
    return 2;
  }

  const writer = auditWriter(format, streams);
  await auditFiles(files, {
    jobs,
    ...(values.packs ? { packs: values.packs } : {}),
    onOutcome: (outcome) => {
      if ('result' in outcome) {
        addToSummary(summary, outcome.result);
        writer.chart(outcome.result);
      } else {
        streams.err(`${outcome.unreadable}\n`);
        summary.skipped++;
      }
    },
    onProgress: (done) => bar.update(done),
    onProblem: (line) => streams.err(`${line}\n`),
  });
  bar.clear();
  writer.end(summary);

  // A file that could not be read is an input problem, whatever the others held: a batch never
  // passes a record set it did not see whole.
  if (summary.audited === 0 || summary.skipped > 0) return 2;
  if (summary.chartsWithErrors > 0) return 1;
  // --strict: a chart read only in part is a failure too.
  return values.strict && summary.incompleteReads > 0 ? 1 : 0;
}
