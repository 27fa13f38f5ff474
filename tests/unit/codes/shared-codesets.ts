// Where the official files live for tests: ../shared/codesets beside the repository. Tests
// that need them skip cleanly when it is absent (CI has it).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const SHARED_CODESETS = resolve(process.cwd(), '../shared/codesets');
export const hasShared = existsSync(resolve(SHARED_CODESETS, 'mce/mce-v43.1.json'));

/** Bytes of a file under ../shared/codesets, gunzipped when it ends in .gz. */
export function sharedBytes(file: string): Uint8Array {
  const raw = readFileSync(resolve(SHARED_CODESETS, file));
  return file.endsWith('.gz') ? gunzipSync(raw) : raw;
}
