// The oracle folder (../shared/codesets/msdrg-oracle-dev): 1,000 claims and what the official
// CMS grouper and MCE v43.1 returned for each. Tests that need it skip when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedTables } from '../../../src/grouper/load-node.ts';
import { hasGrouperTables, loadTables } from '../../../src/grouper/load-node.ts';

export const SHARED_CODESETS = resolve(process.cwd(), '../shared/codesets');
const ORACLE = resolve(SHARED_CODESETS, 'msdrg-oracle-dev');
export const hasOracle = hasGrouperTables(SHARED_CODESETS) && existsSync(resolve(ORACLE, 'expected.jsonl'));

export function oracleLines(file: 'claims.jsonl' | 'expected.jsonl'): string[] {
  return readFileSync(resolve(ORACLE, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
}

let tables: LoadedTables | undefined;
/** The decoded tables, read once per test file. */
export function sharedTables(): LoadedTables {
  tables ??= loadTables(SHARED_CODESETS);
  return tables;
}
