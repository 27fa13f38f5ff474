import { setActiveCodeTable } from '../codes/active-table.ts';
import { loadStarterTable } from '../codes/starter-table.ts';
import { getActiveTable } from '../storage/codesets.ts';
import { database } from '../storage/database.ts';

/**
 * The coding rules read the ICD-10-CM table set here: at once the starter table bundled with
 * the extension, then the release the facility imported, if any (newer fiscal year, full notes).
 */
export function loadCodeTables(): void {
  setActiveCodeTable(loadStarterTable());
  void useImportedRelease();
}

/**
 * Switches to the active imported release, or back to the bundled table when none is active
 * (deleted, or all local data erased); call again after each import or deletion.
 */
export async function useImportedRelease(): Promise<void> {
  try {
    const imported = await getActiveTable(await database());
    setActiveCodeTable(imported ?? loadStarterTable());
  } catch (error) {
    console.warn('chartlint: could not load the imported code set; using the bundled one', error);
  }
}
