/**
 * Importer for the CDC/CMS ICD-10-CM order file (icd10cm-order-YYYY.txt), fixed width:
 *
 *   cols 1-5 order number, 7-13 code (no dot, left-aligned), 15 billable flag (1 = valid for
 *   HIPAA-covered transactions, 0 = header), 17-76 short title, 78- long title.
 *
 * Lines end in CRLF in the CDC zip. The same layout is used for the ICD-10-PCS order file.
 */
import type { CodeEntry } from './table.ts';
import { CodeSetImportError, inputText, throttledProgress, type ProgressCallback, type ReleaseInput } from './import-progress.ts';

const HEAD = /^(\d{5}) ([0-9A-Z]{3,7}) {0,4} ([01]) /;

/** The codes of an order file, in file order. */
export interface OrderFileRelease {
  entries: CodeEntry[];
}

/**
 * Parses an order file. `file` names it in errors. Throws {@link CodeSetImportError} on a line
 * that does not fit the layout, on order numbers that are not consecutive (a truncated or
 * shuffled file), or on an empty file.
 */
export function importOrderFile(
  input: ReleaseInput,
  onProgress?: ProgressCallback,
  file = 'ICD-10-CM order file',
): OrderFileRelease {
  const lines = inputText(input, file).split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const report = throttledProgress(onProgress, 'order file', lines.length, 'lines', 10_000);
  const entries: CodeEntry[] = [];
  let expectedOrder = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = HEAD.exec(line);
    if (!m?.[1] || !m[2] || !m[3] || line.length < 17) {
      throw new CodeSetImportError(file, `line ${i + 1} does not match the order-file layout: "${line.slice(0, 80)}"`);
    }
    const order = Number(m[1]);
    if (order !== expectedOrder) {
      throw new CodeSetImportError(file, `line ${i + 1}: order number ${order}, expected ${expectedOrder} (lines missing?)`);
    }
    expectedOrder++;
    const short = line.slice(16, 76).trim();
    const long = line.slice(77).trim();
    if (!short) throw new CodeSetImportError(file, `line ${i + 1}: code ${m[2]} has no title`);
    entries.push(long && long !== short ? { code: m[2], billable: m[3] === '1', short, long } : { code: m[2], billable: m[3] === '1', short });
    report(i + 1);
  }
  if (entries.length === 0) throw new CodeSetImportError(file, 'no code lines');
  report(lines.length);
  return { entries };
}
