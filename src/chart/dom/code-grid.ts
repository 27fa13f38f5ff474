import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import type { CodedItem, Code, Field } from '../snapshot.ts';
import { CODE_COLUMNS } from '../vocabulary.ts';
import { byTagOrRole, closestWhere, type ListLike, type PageScan } from './page-scan.ts';
import { personFrom } from './signature-line.ts';
import { refOf } from './source-ref.ts';
import { columnsOf, gridOf, type GridRow } from './table-grid.ts';
import { textOf } from './text.ts';

/**
 * Codes in grids: an encoder's or abstract's diagnosis and procedure rows (codes in `<input>`
 * values, POA in a `<select>`), a fee sheet, a coded diagnosis table. A row is read when a
 * cell (or a control in it) holds a code-shaped value; whether it is a diagnosis or a
 * procedure comes from the grid's headers and heading, then from the code's shape.
 */

const ICD10CM = /^[A-TV-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;
const ICD10PCS = /^[0-9A-HJ-NP-Z]{7}$/;
const CPT = /^\d{4}[0-9FTU]$/;
const HCPCS = /^[A-V]\d{4}$/;
const PROCEDURE_CONTEXT = /\b(procedures?|px|pcs|icd-?10-?pcs|cpt|hcpcs|operations?|surg(ery|ical)|services?)\b/i;
const DIAGNOSIS_CONTEXT = /\b(diagnos[ie]s|dx|icd-?10(-?cm)?|problems?|conditions?|assessment)\b/i;

export interface CodeGridItems {
  diagnoses: CodedItem[];
  procedures: CodedItem[];
}

export function findCodeGrids(scan: PageScan): CodeGridItems {
  const out: CodeGridItems = { diagnoses: [], procedures: [] };
  for (const table of scan.tables) {
    const grid = gridOf(table.el);
    const rows = grid?.rows ?? [...table.el.querySelectorAll('tr')].slice(0, 500).map((el) => ({ el, cells: [...el.children] }));
    const cols = grid ? columnsOf(grid, CODE_COLUMNS) : new Map<string, number>();
    const context = `${scan.headings[table.heading]?.text ?? ''} ${textOf(table.el.querySelector('caption'))} ${grid?.header.join(' ') ?? ''}`;
    // A code-shaped value elsewhere (a document handle, a batch number) is not a code.
    if (!cols.has('code') && !PROCEDURE_CONTEXT.test(context) && !DIAGNOSIS_CONTEXT.test(context)) continue;
    for (const row of rows) {
      const item = rowItem(row, cols, table, context, out.diagnoses.length + out.procedures.length + 1);
      if (!item) continue;
      (item.kind === 'procedure' ? out.procedures : out.diagnoses).push(item.item);
    }
  }
  return out;
}

function rowItem(row: GridRow, cols: Map<string, number>, table: ListLike, context: string, n: number): { kind: 'diagnosis' | 'procedure'; item: CodedItem } | undefined {
  const cell = (means: string) => {
    const i = cols.get(means);
    return i === undefined ? undefined : row.cells[i];
  };
  const found = codeIn(cell('code')) ?? row.cells.map((c) => codeIn(c)).find((x) => x !== undefined);
  if (!found) return undefined;
  const rowText = row.cells.map((c) => cellValue(c)).join(' ');
  const roleText = textOf(cell('role')) + ' ' + (cellValue(cell('role')) ?? '');
  const kind = kindOf(found.code, `${roleText} ${rowContext(row.el)} ${context}`);
  if (!kind) return undefined;
  const source = refOf(found.el, table.ctx, found.code);
  const textCell = cell('text');
  const description = textCell ? cellValue(textCell) : rowText.replace(found.code, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const code: Code = { system: kind === 'procedure' ? procedureSystem(found.code) : 'ICD-10-CM', code: found.code };
  if (description) code.display = description;
  const item: CodedItem = {
    id: row.el.getAttribute('id') || `${kind === 'procedure' ? 'px' : 'dx'}-${n}`,
    text: { value: description || found.code, source: textCell ? refOf(textCell, table.ctx, description ?? found.code) : source },
    code,
    source,
  };
  if (kind === 'diagnosis') {
    const role = /\b(pdx|principal|primary|1st)\b/i.test(roleText) ? 'principal' : /\badmit(ting)?\b/i.test(roleText) ? 'admitting' : /\b(sdx|secondary|other)\b/i.test(roleText) ? 'secondary' : undefined;
    const seq = cellValue(cell('sequence'));
    item.role = role ?? (/^0*1$/.test(seq ?? '') && cols.has('poa') ? 'principal' : cols.has('poa') ? 'secondary' : 'other');
    const poa = cellValue(cell('poa')) ?? poaInRow(row.el);
    if (poa && /^(Y|N|U|W|1|E|blank|exempt)\b/i.test(poa)) item.poa = poa.slice(0, 1).toUpperCase();
  }
  const date = cell('date');
  if (date && parseClinicalDate(cellValue(date) ?? '')) item.date = withDate({ value: cellValue(date)!, source: refOf(date, table.ctx, cellValue(date)!) } satisfies Field);
  const performer = cell('performer');
  if (performer && cellValue(performer)) item.performer = personFrom(cellValue(performer)!, refOf(performer, table.ctx, cellValue(performer)!));
  return { kind, item };
}

/** A code in a cell: its own text, or the value of an input or the chosen option in it. */
function codeIn(cell: Element | undefined): { code: string; el: Element } | undefined {
  if (!cell) return undefined;
  const controls = cell.matches('input, select, textarea') ? [cell] : [...cell.querySelectorAll('input, select')];
  for (const control of controls) {
    const value = controlValue(control).trim().toUpperCase();
    if (looksLikeCode(value)) return { code: value, el: control };
  }
  const text = textOf(cell).toUpperCase();
  const first = text.split(/[\s,;]+/)[0] ?? '';
  if (looksLikeCode(first) && text.length <= 200) return { code: first.replace(/[^A-Z0-9.]/g, ''), el: cell };
  return undefined;
}

function looksLikeCode(value: string): boolean {
  return ICD10CM.test(value) && /\d/.test(value) || ICD10PCS.test(value) && /\d/.test(value) || CPT.test(value) || HCPCS.test(value);
}

function kindOf(code: string, context: string): 'diagnosis' | 'procedure' | undefined {
  const px = PROCEDURE_CONTEXT.test(context);
  const dx = DIAGNOSIS_CONTEXT.test(context);
  const cm = ICD10CM.test(code);
  const pcs = ICD10PCS.test(code) && !code.includes('.');
  if (CPT.test(code) || (HCPCS.test(code) && !cm)) return px || !dx ? 'procedure' : undefined;
  if (px && !dx) return pcs || !cm ? 'procedure' : 'diagnosis';
  if (dx && !px) return cm ? 'diagnosis' : pcs ? 'procedure' : undefined;
  // No context, or both: the shape decides. A dotless 7-character code whose second character is
  // a letter is ICD-10-PCS (ICD-10-CM's second character is always a digit).
  if (pcs && (/^.[A-Z]/.test(code) || /^\d/.test(code))) return 'procedure';
  return cm ? 'diagnosis' : pcs ? 'procedure' : undefined;
}

function procedureSystem(code: string): string {
  if (CPT.test(code)) return 'CPT';
  if (HCPCS.test(code)) return 'HCPCS';
  return 'ICD-10-PCS';
}

const TITLED_PART = byTagOrRole(['fieldset', 'section'], ['region']);

/** The row's own label ("Procedures", "Dx") when it sits in a titled part of a form. */
function rowContext(el: Element): string {
  const fieldset = closestWhere(el, TITLED_PART, 12);
  return fieldset ? textOf(fieldset.querySelector('legend, h1, h2, h3, h4, [role="heading"]')) : '';
}

function cellValue(cell: Element | undefined): string | undefined {
  if (!cell) return undefined;
  const control = cell.matches('input, select, textarea') ? cell : cell.querySelector('input, select, textarea');
  const value = control ? controlValue(control) : textOf(cell);
  return value.trim() || undefined;
}

function poaInRow(row: Element): string | undefined {
  for (const select of row.querySelectorAll('select')) {
    const label = `${select.getAttribute('name') ?? ''} ${select.getAttribute('id') ?? ''} ${select.getAttribute('aria-label') ?? ''} ${select.getAttribute('title') ?? ''}`;
    if (/poa|present/i.test(label)) return controlValue(select);
  }
  return undefined;
}

function controlValue(el: Element): string {
  if (el.localName === 'select') {
    const select = el as HTMLSelectElement;
    const option = select.selectedOptions?.[0] ?? select.querySelector('option[selected]');
    return option ? (option.getAttribute('value') ?? textOf(option)) : '';
  }
  const value = (el as HTMLInputElement).value;
  return typeof value === 'string' && value ? value : el.getAttribute('value') ?? '';
}
