import { PATIENT_LABELS } from '../vocabulary.ts';
import type { PageScan } from './page-scan.ts';
import { columnsOf, gridOf } from './table-grid.ts';
import { textOf } from './text.ts';

/**
 * A page that lists several patients' charts (an HIM deficiency worklist, a unit census): a
 * table with an MRN column holding two or more different numbers. Its admission dates and
 * attendings belong to each row's chart, not to one encounter of the page.
 */
const MRN_HEADER = /(?:MRN|MR ?#|Unit ?#|Med(?:ical)? ?Rec|Record)/i;

export function listsSeveralCharts(scan: PageScan): boolean {
  for (const table of scan.tables.slice(0, 200)) {
    // Only a table whose first row could name an MRN column is built into a grid (most tables are not);
    // cells run together in textContent ("PatientMRNAdmitted"), so no word boundaries.
    if (!MRN_HEADER.test(textOf(table.el.querySelector('tr') ?? table.el.querySelector('[role="row"]')))) continue;
    const grid = gridOf(table.el);
    if (!grid || grid.rows.length < 2) continue;
    const column = columnsOf(grid, PATIENT_LABELS).get('mrn');
    if (column === undefined) continue;
    const numbers = new Set(grid.rows.map((row) => textOf(row.cells[column]).replace(/\s+/g, '')).filter((v) => /\d{3}/.test(v)));
    if (numbers.size >= 2) return true;
  }
  return false;
}
