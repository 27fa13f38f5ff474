/**
 * Node only: reads rule packs and their cases from a rules/ folder, for the CLI and tests. The
 * extension bundles the same files at build time (src/background/bundled-packs.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CasesFile, RuleCase } from './cases.ts';
import type { PackFile } from './packs.ts';

const NOT_PACKS = new Set(['adapters']);

/** The packs present in rulesDir (folders other than adapters/). */
export function packNames(rulesDir: string): string[] {
  return readdirSync(rulesDir)
    .filter((name) => !NOT_PACKS.has(name) && statSync(join(rulesDir, name)).isDirectory())
    .sort();
}

/** Every rules/<pack>/*.json except *.cases.json, for loadPacks; only the named packs if given. */
export function readPackFiles(rulesDir: string, packs?: string[]): PackFile[] {
  return selected(rulesDir, packs).flatMap((pack) =>
    readdirSync(join(rulesDir, pack))
      .filter((name) => name.endsWith('.json') && !name.endsWith('.cases.json'))
      .sort()
      .map((name) => ({ path: `${pack}/${name}`, text: readFileSync(join(rulesDir, pack, name), 'utf8') })),
  );
}

/** Every rules/<pack>/<rule>.cases.json. Throws on a cases file that is not valid JSON. */
export function readCaseFiles(rulesDir: string, packs?: string[]): CasesFile[] {
  return selected(rulesDir, packs).flatMap((pack) =>
    readdirSync(join(rulesDir, pack))
      .filter((name) => name.endsWith('.cases.json'))
      .sort()
      .map((name) => {
        const file = `${pack}/${name}`;
        let cases: RuleCase[];
        try {
          cases = JSON.parse(readFileSync(join(rulesDir, pack, name), 'utf8')) as RuleCase[];
        } catch (error) {
          throw new Error(`${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
        }
        return { pack, rule: name.slice(0, -'.cases.json'.length), file, cases };
      }),
  );
}

function selected(rulesDir: string, packs?: string[]): string[] {
  const all = packNames(rulesDir);
  return packs && packs.length > 0 ? all.filter((p) => packs.includes(p)) : all;
}
