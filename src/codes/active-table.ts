/**
 * The ICD-10-CM table the coding facts read. The service worker sets it once loaded (the
 * starter table, then the active IndexedDB release); until then, and in tools that set none,
 * it is the small committed fallback list, marked partial so that no rule calls a code
 * invalid only because the list lacks it.
 */
import { encodeStarter, decodeStarter } from './starter-format.ts';
import fallbackJson from './fallback-codes.json';
import { fallbackStarterInput, type FallbackFile } from './fallback.ts';
import { CodeTable } from './table.ts';

let active: CodeTable | undefined;
let fallback: CodeTable | undefined;

/** Makes `table` the one every coding fact reads (call again after an import). */
export function setActiveCodeTable(table: CodeTable | undefined): void {
  active = table;
}

/** The table set by the extension or CLI, else the fallback list (decoded on first use). */
export function activeCodeTable(): CodeTable {
  if (active) return active;
  // JSON imports are typed from their content (severity as string); fallbackStarterInput checks the shape.
  fallback ??= new CodeTable(decodeStarter(encodeStarter(fallbackStarterInput(fallbackJson as unknown as FallbackFile, 'fallback-codes.json'))));
  return fallback;
}
