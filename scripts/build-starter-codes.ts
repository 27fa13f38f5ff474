/**
 * Build step: writes src/codes/generated/starter-codes.json, the ICD-10-CM table the extension
 * uses before any code-set import. From ../shared/codesets when present (all current codes,
 * Excludes1/use-additional/code-first notes, MCE and MS-DRG attributes, and the MCE history of
 * codes deleted since FY2016), otherwise from the committed fallback list, saying so.
 * `--fallback` forces the fallback; `--shared=DIR` reads the code sets from DIR instead (a
 * missing DIR is an error). Prints the size of each section.
 *
 *   npx tsx scripts/build-starter-codes.ts [--fallback] [--shared=DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeStarter } from '../src/codes/starter-format.ts';
import { hasSharedCodesets, readFallbackStarterInput, readSharedStarterInput } from '../src/codes/starter-sources-node.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedArg = process.argv.find((a) => a.startsWith('--shared='))?.slice('--shared='.length);
const shared = sharedArg ? resolve(sharedArg) : resolve(root, '../shared/codesets');
const out = resolve(root, 'src/codes/generated/starter-codes.json');
const fallback = resolve(root, 'src/codes/fallback-codes.json');

const started = performance.now();
if (sharedArg && !hasSharedCodesets(shared)) {
  console.error(`starter codes: --shared=${sharedArg}: no code sets there`);
  process.exit(1);
}
const useShared = !process.argv.includes('--fallback') && hasSharedCodesets(shared);
const input = useShared ? readSharedStarterInput(shared) : readFallbackStarterInput(fallback);
if (!useShared) {
  console.log(`starter codes: ${shared} not found (or --fallback): using the fallback list src/codes/fallback-codes.json`);
}
const data = encodeStarter(input);
const json = JSON.stringify(data);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);
const billable = input.entries.filter((e) => e.billable).length;
const kb = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
const sections = (['codes', 'history', 'text', 'notes', 'mce', 'drg'] as const).map((k) => `${k} ${kb(JSON.stringify(data[k] ?? '').length)}`);
console.log(
  `starter codes (${input.builtFrom}): ${input.entries.length} ICD-10-CM codes (${billable} billable), ` +
    `${input.notes.length} notes, MCE ${input.mce?.version ?? '-'}, MS-DRG ${input.drg?.version ?? '-'}; ` +
    `${kb(json.length)} raw (${sections.join(', ')}), ${kb(gzipSync(json).length)} gzipped; ${((performance.now() - started) / 1000).toFixed(1)} s -> ${out}`,
);
