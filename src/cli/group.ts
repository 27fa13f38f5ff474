import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ClaimInputError, parseClaim } from '../grouper/claim-input.ts';
import { groupAndEdit } from '../grouper/group-and-edit.ts';
import { defaultSharedCodesets, hasGrouperTables, loadTables } from '../grouper/load-node.ts';
import type { GroupResult } from '../grouper/types.ts';
import { csvField } from './csv.ts';

const USAGE = 'Usage: chartlint group FILE.jsonl|- [--format jsonl|table|csv] [--shared=DIR]';
const FORMATS = ['jsonl', 'table', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `chartlint group FILE.jsonl [--format jsonl|table|csv] [--shared=DIR]`: the MS-DRG v43.1
 * grouper and the MCE over claims, one JSON object a line (`-` reads stdin). A malformed line is
 * reported on stderr with its number and skipped; exit 1 when any was, 2 on usage errors or
 * when the CMS tables are not in DIR (default ../shared/codesets beside the repository).
 */
export function groupCommand(args: string[], readStdin: () => string = () => readFileSync(0, 'utf8')): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'jsonl' }, shared: { type: 'string' } } });
  } catch (error) {
    console.error(`chartlint group: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const format = FORMATS.find((f) => f === values.format);
  if (positionals.length !== 1 || !format) {
    console.error(USAGE);
    return 2;
  }
  const shared = values.shared ? resolve(values.shared) : defaultSharedCodesets();
  if (!hasGrouperTables(shared)) {
    console.error(`chartlint group: no MS-DRG/MCE v43.1 tables under ${shared} (give --shared=DIR)`);
    return 2;
  }
  let input: string;
  try {
    input = positionals[0] === '-' ? readStdin() : readFileSync(positionals[0]!, 'utf8');
  } catch (error) {
    console.error(`chartlint group: ${(error as Error).message}`);
    return 2;
  }
  const tables = loadTables(shared);
  const results: GroupResult[] = [];
  let skipped = 0;
  input.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      results.push(groupAndEdit(tables, parseClaim(JSON.parse(line))));
    } catch (error) {
      const why = error instanceof SyntaxError ? `not JSON (${error.message})` : error instanceof ClaimInputError ? error.message : String(error);
      console.error(`chartlint group: line ${i + 1}: ${why}; skipped`);
      skipped++;
    }
  });
  process.stdout.write(render(results, format));
  return skipped > 0 ? 1 : 0;
}

const COLUMNS: readonly [string, (r: GroupResult) => string | number][] = [
  ['id', (r) => r.id],
  ['drg', (r) => r.drg],
  ['mdc', (r) => r.mdc],
  ['returnCode', (r) => r.returnCode],
  ['severity', (r) => r.severity],
  ['medSurg', (r) => r.medSurg],
  ['sdxSeverity', (r) => r.sdxSeverity],
  ['initialDrg', (r) => r.initialDrg],
  ['hacStatus', (r) => r.hacStatus],
  ['mceEdits', (r) => r.mce.edits.map((e) => (e.codes.length > 0 ? `${e.edit}(${e.codes.map((c) => c.code).join(' ')})` : e.edit)).join('; ')],
  ['title', (r) => r.drgTitle],
];

export function render(results: readonly GroupResult[], format: Format): string {
  switch (format) {
    case 'jsonl':
      return results.map((r) => `${JSON.stringify(r)}\n`).join('');
    case 'csv':
      return [COLUMNS.map(([name]) => name), ...results.map((r) => COLUMNS.map(([, get]) => get(r)))].map((row) => `${row.map(csvField).join(',')}\n`).join('');
    case 'table': {
      const rows = [COLUMNS.map(([name]) => name), ...results.map((r) => COLUMNS.map(([, get]) => String(get(r))))];
      const widths = COLUMNS.map((_, c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
      return rows.map((row) => `${row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ')}\n`).join('');
    }
  }
}
