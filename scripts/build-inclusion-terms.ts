/**
 * Writes src/codes/suggest/inclusion-terms.json, the tabular list's inclusion terms (chapters
 * A-N) that the suggestion lexicon matches beside the titles, from the official tabular XML in
 * ../shared/codesets. The file is committed: the build does not need the code sets.
 *
 *   npx tsx scripts/build-inclusion-terms.ts [--shared=DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importIcd10cmTabularXml } from '../src/codes/icd10cm-tabular-xml.ts';
import { INCLUSION_SOURCE, inclusionFileText } from '../src/codes/suggest/inclusion-terms.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedArg = process.argv.find((a) => a.startsWith('--shared='))?.slice('--shared='.length);
const shared = sharedArg ? resolve(sharedArg) : resolve(root, '../shared/codesets');
const tabular = importIcd10cmTabularXml(readFileSync(resolve(shared, INCLUSION_SOURCE)));
const out = resolve(root, 'src/codes/suggest/inclusion-terms.json');
const text = inclusionFileText(tabular.nodes);
writeFileSync(out, text);
const levels = Object.keys((JSON.parse(text) as { terms: object }).terms).length;
console.log(`inclusion terms: ${levels} levels, ${(text.length / 1024).toFixed(0)} KiB -> ${out}`);
