/**
 * Build step: writes src/codes/generated/grouper-tables.json, the MS-DRG v43.1 grouper and MCE
 * tables the extension's working DRG runs on (format: src/grouper/compact-format.ts), from
 * ../shared/codesets. Without those files it writes a marker saying so: the build goes on and
 * the panel says the DRG is unavailable. `--shared=DIR` reads the code sets from DIR instead
 * (a missing DIR is an error); `--absent` writes the marker as if there were none; `--out=FILE`
 * writes elsewhere. Prints the size of each section.
 *
 *   npx tsx scripts/build-grouper-tables.ts [--shared=DIR] [--absent] [--out=FILE]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeCompactTables } from '../src/grouper/compact-encode.ts';
import { GROUPER_TABLES_FORMAT, type CompactTablesFile } from '../src/grouper/compact-format.ts';
import { hasGrouperTables, MCE_FILE, MSDRG_FILE } from '../src/grouper/load-node.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedArg = process.argv.find((a) => a.startsWith('--shared='))?.slice('--shared='.length);
const shared = sharedArg ? resolve(sharedArg) : resolve(root, '../shared/codesets');
const outArg = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length);
const out = outArg ? resolve(outArg) : resolve(root, 'src/codes/generated/grouper-tables.json');

const started = performance.now();
if (sharedArg && !hasGrouperTables(shared)) {
  console.error(`grouper tables: --shared=${sharedArg}: no ${MSDRG_FILE} and ${MCE_FILE} there`);
  process.exit(1);
}
let data: CompactTablesFile;
if (!process.argv.includes('--absent') && hasGrouperTables(shared)) {
  const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(shared, file), 'utf8')) as Record<string, unknown>;
  data = encodeCompactTables(read(MSDRG_FILE), read(MCE_FILE), [`../shared/codesets/${MSDRG_FILE}`, `../shared/codesets/${MCE_FILE}`]);
} else {
  data = { format: GROUPER_TABLES_FORMAT, builtFrom: 'absent', reason: `the MS-DRG and MCE tables (${MSDRG_FILE}, ${MCE_FILE}) were not found in ${relative(root, shared)} when this build was made` };
  console.log(`grouper tables: no MS-DRG/MCE tables from ${shared} (or --absent): the extension will say the DRG is unavailable`);
}
const json = JSON.stringify(data);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);
const kb = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
const sections = Object.entries(data).map(([k, v]) => [k, JSON.stringify(v).length] as const).filter(([, n]) => n > 2048).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${kb(n)}`);
console.log(`grouper tables (${data.builtFrom}): ${kb(json.length)} raw (${sections.join(', ')}), ${kb(gzipSync(json).length)} gzipped; ${((performance.now() - started) / 1000).toFixed(1)} s -> ${out}`);
