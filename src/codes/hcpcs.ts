/**
 * Importer for HCPCS Level II code lists: a plain list (one code per line, as CMS's code-only
 * extract) or a TSV with a header starting `code` and short/long description columns (as in
 * ../shared/codesets/hcpcs-level2-descriptions). CPT (Level I) is AMA-licensed and never bundled.
 */
import { HCPCS_PATTERN } from './code-format.ts';
import { CodeSetImportError, inputText, throttledProgress, type ProgressCallback, type ReleaseInput } from './import-progress.ts';
import type { CodeEntry } from './table.ts';

const FILE = 'HCPCS Level II file';

export interface HcpcsRelease {
  system: 'hcpcs';
  entries: CodeEntry[];
}

/** Parses a HCPCS Level II list; throws {@link CodeSetImportError} on a line without a code. */
export function importHcpcs(input: ReleaseInput, onProgress?: ProgressCallback): HcpcsRelease {
  const lines = inputText(input, FILE).split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]?.startsWith('code\t') ? lines[0].split('\t') : undefined;
  const shortAt = header?.findIndex((h) => h.startsWith('short')) ?? -1;
  const longAt = header?.findIndex((h) => h.startsWith('long')) ?? -1;
  const rows = header ? lines.slice(1) : lines;
  const report = throttledProgress(onProgress, 'HCPCS codes', rows.length, 'lines', 2_000);
  const entries = rows.map((line, i): CodeEntry => {
    const cells = line.split('\t');
    const code = (cells[0] ?? '').trim();
    if (!HCPCS_PATTERN.test(code)) {
      throw new CodeSetImportError(FILE, `line ${i + (header ? 2 : 1)}: "${line.slice(0, 40)}" is not a HCPCS Level II code`);
    }
    report(i + 1);
    const short = shortAt >= 0 ? (cells[shortAt] ?? '').trim() : '';
    const long = longAt >= 0 ? (cells[longAt] ?? '').trim() : '';
    return long && long !== short ? { code, billable: true, short, long } : { code, billable: true, short };
  });
  if (entries.length === 0) throw new CodeSetImportError(FILE, 'no codes');
  return { system: 'hcpcs', entries };
}
