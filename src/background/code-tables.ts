import { setActiveCodeTable } from '../codes/active-table.ts';
import { loadStarterTable } from '../codes/starter-table.ts';
import { getActiveTable } from '../storage/codesets.ts';
import { database } from './database.ts';

/**
 * The coding rules read the ICD-10-CM table set here: at once the starter table bundled with
 * the extension, then the release the facility imported, if any (newer fiscal year, full notes).
 */
export function loadCodeTables(): void {
  setActiveCodeTable(loadStarterTable());
  void useImportedRelease();
}

/** Switches to the active imported release; call again after each import. */
export async function useImportedRelease(): Promise<void> {
  try {
    const imported = await getActiveTable(await database());
    if (imported) setActiveCodeTable(imported);
  } catch (error) {
    console.warn('chartlint: could not load the imported code set; using the bundled one', error);
  }
}
