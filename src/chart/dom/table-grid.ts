import { normalLabel, type Vocabulary } from '../vocabulary.ts';
import { textOf } from './text.ts';

/**
 * A table or ARIA grid as rows of cells under named columns, whatever its markup: `<table>`
 * with `thead`/`th` headers (or a first row of `th`), or `role=grid` / `role=table` with
 * `columnheader` and `gridcell` / `cell` elements. Readers then ask for a column by what it
 * means (from a vocabulary), never by position.
 */
export interface Grid {
  header: string[];
  rows: GridRow[];
}

export interface GridRow {
  el: Element;
  cells: Element[];
}

const MAX_ROWS = 2000;

export function gridOf(table: Element): Grid | undefined {
  return table.localName.toLowerCase() === 'table' ? htmlGrid(table) : ariaGrid(table);
}

function htmlGrid(table: Element): Grid | undefined {
  const rows = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table).slice(0, MAX_ROWS);
  const cellsOf = (tr: Element) => [...tr.children].filter((c) => c.localName === 'td' || c.localName === 'th');
  let headerRowIndex = rows.findIndex((tr) => {
    const cells = cellsOf(tr);
    return cells.length > 1 && (tr.parentElement?.localName === 'thead' || cells.every((c) => c.localName === 'th'));
  });
  // An older layout: a first row of bold `td`s (or one marked as the header) over data rows.
  if (headerRowIndex < 0 && rows.length > 1) {
    const first = rows[0]!;
    const cells = cellsOf(first);
    const marked = /\b(hdr|header|head|heading|colhead)\b/i.test(`${first.getAttribute('class') ?? ''} ${cells[0]?.getAttribute('class') ?? ''}`);
    const bold = cells.every((c) => {
      const text = textOf(c);
      const strong = c.querySelector('b, strong, th');
      return text.length > 0 && text.length <= 40 && strong !== null && textOf(strong) === text;
    });
    if (cells.length > 1 && (bold || marked) && cellsOf(rows[1]!).length === cells.length) headerRowIndex = 0;
  }
  if (headerRowIndex < 0) return undefined;
  // Header cells may span columns (colspan): repeat their text so positions line up with the data rows.
  const header = cellsOf(rows[headerRowIndex]!).flatMap((c) => Array<string>(Math.max(1, Math.min(20, Number(c.getAttribute('colspan')) || 1))).fill(normalLabel(textOf(c))));
  const data = rows.slice(headerRowIndex + 1).map((el) => ({ el, cells: cellsOf(el) })).filter((r) => r.cells.some((c) => c.localName === 'td'));
  return { header, rows: data };
}

function ariaGrid(grid: Element): Grid | undefined {
  const headerCells = [...grid.querySelectorAll('[role="columnheader"]')];
  if (headerCells.length < 2) return undefined;
  const header = headerCells.map((c) => normalLabel(textOf(c)));
  const rows = [...grid.querySelectorAll('[role="row"]')].slice(0, MAX_ROWS)
    .map((el) => ({ el, cells: [...el.querySelectorAll('[role="gridcell"], [role="cell"], [role="rowheader"]')] }))
    .filter((r) => r.cells.length > 0);
  return { header, rows };
}

/**
 * Column index of each meaning the vocabulary gives a header (first column wins). A header
 * that joins several ("Type / taken by", "Physician signature / Date / Time") means what its
 * first part means: the cell leads with that, and the rest qualifies it.
 */
export function columnsOf(grid: Grid, vocabulary: Vocabulary): Map<string, number> {
  const columns = new Map<string, number>();
  grid.header.forEach((h, i) => {
    const means = vocabulary.lookup(h) ?? compoundMeaning(h, vocabulary);
    if (means && !columns.has(means)) columns.set(means, i);
  });
  return columns;
}

function compoundMeaning(header: string, vocabulary: Vocabulary): string | undefined {
  if (!/\s[/&]\s/.test(header)) return undefined;
  const joined = vocabulary.lookup(header.replace(/\s*([/&])\s*/g, '$1'));
  if (joined) return joined;
  // Only the first part: a header whose first part is unknown ("Patient / Deficiency" over
  // chart rows and deficiency rows) says no more about its cells than before.
  return vocabulary.lookup(header.split(/\s+[/&]\s+/)[0]!);
}
