/**
 * Node only: reads the decoded CMS tables from ../shared/codesets (never copied into the repo).
 * The extension carries a compact copy made from them at build time (compact-format.ts,
 * scripts/build-grouper-tables.ts, bundled-tables.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMceTables, type MceTables } from './mce-tables.ts';
import { decodeGrouperTables, type GrouperTables } from './tables.ts';

export const MSDRG_FILE = 'msdrg/msdrg-v43.1.json';
export const MCE_FILE = 'mce/mce-v43.1.json';

/** ../shared/codesets beside the repository (the same default as scripts/build-starter-codes.ts). */
export function defaultSharedCodesets(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/codesets');
}

export function hasGrouperTables(sharedCodesets: string): boolean {
  return existsSync(join(sharedCodesets, MSDRG_FILE)) && existsSync(join(sharedCodesets, MCE_FILE));
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export interface LoadedTables {
  grouper: GrouperTables;
  mce: MceTables;
}

const loaded = new Map<string, LoadedTables>();

/** Reads and decodes both table files (once per folder and process: they are read-only). */
export function loadTables(sharedCodesets: string = defaultSharedCodesets()): LoadedTables {
  const dir = resolve(sharedCodesets);
  let tables = loaded.get(dir);
  if (!tables) {
    tables = {
      grouper: decodeGrouperTables(readJson(join(dir, MSDRG_FILE))),
      mce: decodeMceTables(readJson(join(dir, MCE_FILE))),
    };
    loaded.set(dir, tables);
  }
  return tables;
}
