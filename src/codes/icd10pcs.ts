/**
 * Importer for ICD-10-PCS code lists. Accepts the three forms met in practice:
 * - the CMS order file `icd10pcs_order_YYYY.txt` (same fixed-width layout as ICD-10-CM's);
 * - the CMS codes file `icd10pcs_codes_YYYY.txt` ("0016070 Bypass Cerebral Ventricle to ...");
 * - the derived table in ../shared/codesets/derived (TSV with header `code valid_from ...`,
 *   no titles).
 */
import { ICD10PCS_PATTERN } from './code-format.ts';
import { importOrderFile } from './icd10cm-order-file.ts';
import { CodeSetImportError, inputText, throttledProgress, type ProgressCallback, type ReleaseInput } from './import-progress.ts';
import type { CodeEntry } from './table.ts';

const FILE = 'ICD-10-PCS code file';

export interface PcsRelease {
  system: 'icd10pcs';
  entries: CodeEntry[];
}

/** Parses any of the accepted ICD-10-PCS files; throws {@link CodeSetImportError} on anything else. */
export function importIcd10pcs(input: ReleaseInput, onProgress?: ProgressCallback): PcsRelease {
  const text = inputText(input, FILE);
  const first = text.slice(0, text.indexOf('\n') >>> 0);
  if (/^\d{5} [0-9A-Z]{3,7} /.test(first)) {
    return { system: 'icd10pcs', entries: importOrderFile(text, onProgress, FILE).entries };
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const tsv = first.startsWith('code\t');
  const rows = tsv ? lines.slice(1) : lines;
  const report = throttledProgress(onProgress, 'ICD-10-PCS codes', rows.length, 'lines', 10_000);
  const entries = rows.map((line, i): CodeEntry => {
    const code = tsv ? line.slice(0, line.indexOf('\t')) : line.slice(0, 7);
    const title = tsv ? '' : line.slice(7).trim();
    if (!ICD10PCS_PATTERN.test(code)) {
      throw new CodeSetImportError(FILE, `line ${i + (tsv ? 2 : 1)}: "${line.slice(0, 40)}" does not start with an ICD-10-PCS code`);
    }
    report(i + 1);
    return { code, billable: true, short: title };
  });
  if (entries.length === 0) throw new CodeSetImportError(FILE, 'no codes');
  return { system: 'icd10pcs', entries };
}
