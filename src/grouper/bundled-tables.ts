/**
 * The grouper and MCE tables bundled with the extension (src/codes/generated/grouper-tables.json,
 * built by scripts/build-grouper-tables.ts, which `npm run build` runs before vite). Decoded on
 * the first DRG asked for, not when the worker starts: most wake-ups never need it.
 */
import data from '../codes/generated/grouper-tables.json';
import { asCompactTablesFile, decodeCompactTables, type DecodedTables } from './compact-format.ts';

export type BundledTables = { available: true; tables: DecodedTables } | { available: false; reason: string };

let cached: BundledTables | undefined;

/** The decoded tables, or why the build carries none (decoded once, then shared). */
export function bundledGrouperTables(): BundledTables {
  if (cached) return cached;
  try {
    const file = asCompactTablesFile(data);
    cached = file.builtFrom === 'absent' ? { available: false, reason: file.reason } : { available: true, tables: decodeCompactTables(file) };
  } catch (error) {
    cached = { available: false, reason: `the bundled grouper tables could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  return cached;
}
