/**
 * Build step: reports every malformed entry of the code suggester's knowledge files (lexicon
 * synonyms and templates, status-code mappings, combinations) as `file:line: message`. The
 * other entries load whatever is reported, so the build goes on; `--strict` makes a problem fail
 * it (for CI).
 *
 *   npx tsx scripts/check-coding-data.ts [--strict]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../src/codes/suggest/data-check.ts';
import { CODING_DATA_FILES, codingDataProblems } from '../src/codes/suggest/data-report.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const problems = codingDataProblems((file) => readFileSync(resolve(root, file), 'utf8'));
for (const p of problems) console.warn(`coding data: ${formatProblem(p)} (entry left out; the others load)`);
console.log(`coding data: ${CODING_DATA_FILES.length} files checked, ${problems.length} malformed ${problems.length === 1 ? 'entry' : 'entries'}`);
if (problems.length > 0 && process.argv.includes('--strict')) process.exit(1);
