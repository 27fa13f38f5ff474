/**
 * CMS IPPS Table 5 ("List of MS-DRGs, Relative Weighting Factors and Geometric and Arithmetic
 * Mean Length of Stay"), as the CSV a user downloads from cms.gov: a few title lines, a header
 * row ("MS-DRG", ..., "MS-DRG Title", "Weights", ...), one row per DRG, maybe footnotes. Only
 * the DRG number and its relative weight are kept; every row is checked and each problem is
 * reported with its row number, and a table with any problem is refused whole.
 */
import { parseCsv } from './csv.ts';

export interface Table5 {
  /** DRG → relative weight. */
  weights: Map<number, number>;
  /** The fiscal year the title or header names ("FY 2026"), if any. */
  fiscalYear?: number;
  /** The header row's number (1-based), for the message. */
  headerRow: number;
}

export type Table5Result = { ok: true; table: Table5 } | { ok: false; errors: string[] };

const DRG_HEADER = /^(ms-?)?drg$/i;
const WEIGHT_HEADER = /weight/i;
/** Rows searched for the header (title lines come first). */
const HEADER_WITHIN = 20;
/** Problems listed before "and N more". */
const MAX_ERRORS = 10;
/** No relative weight of any year comes near this; a larger number is a shifted column. */
const MAX_WEIGHT = 100;

const clean = (cell: string | undefined): string => (cell ?? '').replace(/^\uFEFF/, '').trim();

/** Reads a Table 5 CSV; the errors name the row (1-based, as a spreadsheet numbers it). */
export function parseTable5(text: string): Table5Result {
  const rows = parseCsv(text);
  const headerIndex = rows.slice(0, HEADER_WITHIN).findIndex((r) => r.some((c) => DRG_HEADER.test(clean(c))) && r.some((c) => WEIGHT_HEADER.test(clean(c))));
  if (headerIndex < 0) {
    return { ok: false, errors: [`no header row in the first ${HEADER_WITHIN} rows: expected a column "MS-DRG" and a column "Weights" (CMS Table 5)`] };
  }
  const header = (rows[headerIndex] ?? []).map(clean);
  const drgColumn = header.findIndex((c) => DRG_HEADER.test(c));
  const weightColumn = header.findIndex((c) => WEIGHT_HEADER.test(c));
  const year = /\bFY\s*(\d{4})\b/i.exec(rows.slice(0, headerIndex + 1).flat().join(' '))?.[1];

  const errors: string[] = [];
  const weights = new Map<number, number>();
  const firstRow = new Map<number, number>();
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const n = i + 1;
    const cells = row.map(clean);
    if (cells.every((c) => c === '')) continue;
    const drgText = cells[drgColumn] ?? '';
    // A footnote or source line below the table: text in one cell, nothing in the others.
    if (!/^\d/.test(drgText) && cells.filter((c) => c !== '').length === 1) continue;
    if (!/^\d{1,3}$/.test(drgText) || Number(drgText) < 1) {
      errors.push(`row ${n}: MS-DRG "${drgText}" is not a DRG number (1 to 999)`);
      continue;
    }
    const drg = Number(drgText);
    const weightText = cells[weightColumn] ?? '';
    const weight = /^\d*\.?\d+$/.test(weightText) ? Number(weightText) : NaN;
    if (!(weight > 0 && weight < MAX_WEIGHT)) {
      errors.push(`row ${n}: the weight of DRG ${drg}, "${weightText}", is not a positive number below ${MAX_WEIGHT}`);
      continue;
    }
    const seen = firstRow.get(drg);
    if (seen !== undefined) {
      errors.push(`row ${n}: DRG ${drg} is listed twice (first on row ${seen})`);
      continue;
    }
    firstRow.set(drg, n);
    weights.set(drg, weight);
  }
  if (errors.length === 0 && weights.size === 0) errors.push(`no DRG rows below the header (row ${headerIndex + 1})`);
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push(`and ${errors.length - MAX_ERRORS} more`);
    return { ok: false, errors: shown };
  }
  return { ok: true, table: { weights, ...(year ? { fiscalYear: Number(year) } : {}), headerRow: headerIndex + 1 } };
}
