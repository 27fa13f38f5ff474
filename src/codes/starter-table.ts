/**
 * The ICD-10-CM table bundled with the extension, for use before any code-set import (and as
 * the fallback when IndexedDB has none). Built by `npx tsx scripts/build-starter-codes.ts`,
 * which `npm run build` runs before vite. Decoded once, on first use.
 */
import starterData from './generated/starter-codes.json';
import { asStarterData, decodeStarter, type StarterData } from './starter-format.ts';
import { CodeTable } from './table.ts';

const data: StarterData = asStarterData(starterData);
let cached: CodeTable | undefined;

/** The bundled starter table (decoded on the first call, then shared). */
export function loadStarterTable(): CodeTable {
  cached ??= new CodeTable(decodeStarter(data));
  return cached;
}

/** How the bundled table was built: from the official files, or from the small fallback list. */
export function starterOrigin(): Pick<StarterData, 'builtFrom' | 'release' | 'sources'> {
  const { builtFrom, release, sources } = data;
  return { builtFrom, release, sources };
}
