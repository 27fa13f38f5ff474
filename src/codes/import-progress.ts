/**
 * What every importer shares: a progress callback (the options page shows a bar) and one error
 * type whose message says which file was wrong and how, so the user can act on it.
 */

/** Progress of an import: `done` of `total` units (bytes, lines or codes, as `unit` says). */
export interface ImportProgress {
  phase: string;
  done: number;
  total: number;
  unit: 'bytes' | 'lines' | 'codes' | 'entries';
}

/** Called now and then during an import; must be cheap. */
export type ProgressCallback = (progress: ImportProgress) => void;

/** An invalid, truncated or unexpected release file. */
export class CodeSetImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'CodeSetImportError';
  }
}

/** Reports progress at most every `every` units, plus the final call. */
export function throttledProgress(
  onProgress: ProgressCallback | undefined,
  phase: string,
  total: number,
  unit: ImportProgress['unit'],
  every = 5000,
): (done: number) => void {
  let next = 0;
  return (done: number) => {
    if (!onProgress) return;
    if (done >= next || done === total) {
      onProgress({ phase, done, total, unit });
      next = done + every;
    }
  };
}

/** Importers accept text or bytes; decompression (gzip) happens before, at the boundary. */
export type ReleaseInput = string | Uint8Array;

/** Decodes bytes as UTF-8, failing on malformed input rather than inventing characters. */
export function inputText(input: ReleaseInput, file: string): string {
  if (typeof input === 'string') return input;
  if (input.length >= 2 && input[0] === 0x1f && input[1] === 0x8b) {
    throw new CodeSetImportError(file, 'the file is still gzip-compressed; decompress it first');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new CodeSetImportError(file, 'the file is not valid UTF-8 text');
  }
}
