import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ./rules when the working directory has one (a facility's own packs), else the shipped packs. */
export function rulesDir(): string {
  const local = resolve('rules');
  return existsSync(local) ? local : fileURLToPath(new URL('../../rules', import.meta.url));
}

/** `--packs a,b` as a list; undefined for all packs. */
export function packList(option: string | undefined): string[] | undefined {
  const names = option?.split(',').map((p) => p.trim()).filter(Boolean);
  return names && names.length > 0 ? names : undefined;
}
