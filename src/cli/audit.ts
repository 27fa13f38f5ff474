import { parseArgs } from 'node:util';
import { snapshotFromFile } from '../chart/from-file.ts';
import { setActiveCodeTable } from '../codes/active-table.ts';
import { loadStarterTable } from '../codes/starter-table.ts';
import { createEvaluator } from '../engine/evaluate.ts';
import { readPackFiles } from '../engine/node-packs.ts';
import { loadPacks, type PackError } from '../engine/packs.ts';
import { asText, type AuditResult } from './audit-text.ts';
import { fileErrorLine } from './file-error.ts';
import { packList, rulesDir } from './rules-dir.ts';

/**
 * `chartlint audit FILE... [--format json|text] [--packs a,b] [--strict]`: the rule packs over
 * saved pages, C-CDA XML or FHIR JSON, with what each read covered. Exit 1 when any error
 * finding (or, with --strict, any incomplete read), 2 on usage or file errors; a pack that does
 * not load is reported on stderr and the others run.
 */
export async function auditCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, packs: { type: 'string' }, strict: { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`chartlint audit: ${(error as Error).message}`);
    return 2;
  }
  const { positionals: files, values } = parsed;
  if (files.length === 0 || (values.format !== 'json' && values.format !== 'text')) {
    console.error('Usage: chartlint audit FILE... [--format json|text] [--packs a,b] [--strict]');
    return 2;
  }
  const { packs, errors } = loadPacks(readPackFiles(rulesDir(), packList(values.packs)));
  errors.forEach(reportPackError);
  // The same ICD-10-CM table the extension ships (built by `npm run build` / `npm ci`).
  setActiveCodeTable(loadStarterTable());
  const evaluator = createEvaluator(packs);
  const results: AuditResult[] = [];
  let ioError = false;
  for (const file of files) {
    try {
      const snapshot = await snapshotFromFile(file);
      const findings = await evaluator.evaluate(snapshot);
      results.push({ file, adapter: snapshot.source.adapter, warnings: snapshot.warnings, ...(snapshot.coverage ? { coverage: snapshot.coverage } : {}), findings });
    } catch (error) {
      console.error(fileErrorLine('audit', file, error));
      ioError = true;
    }
  }
  evaluator.errors.forEach(reportPackError);
  console.log(values.format === 'json' ? JSON.stringify(results, null, 2) : results.map(asText).join('\n'));
  if (ioError) return 2;
  if (results.some((r) => r.findings.some((f) => f.severity === 'error'))) return 1;
  // --strict: an incomplete read is a failure too, so a batch never passes a chart it could not see.
  return values.strict && results.some((r) => !r.coverage?.complete) ? 1 : 0;
}

function reportPackError(error: PackError): void {
  console.error(`chartlint: rule pack "${error.pack}", file ${error.file}${error.rule ? `, rule ${error.rule}` : ''}: ${error.message}`);
}
