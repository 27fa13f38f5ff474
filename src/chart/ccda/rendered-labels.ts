import { foldSpace } from '../dom/text.ts';

/** A label cell of the CDA.xsl header or footer tables and the value cell beside it. */
export interface LabelledCell {
  label: string;
  cell: Element;
}

/**
 * The label/value pairs CDA.xsl prints (`<td class="td_label">Patient</td><td>…</td>`), in
 * document order, within `root`.
 */
export function labelledCells(root: Element | null): LabelledCell[] {
  if (!root) return [];
  return Array.from(root.querySelectorAll('td.td_label')).flatMap((td) => {
    const cell = td.nextElementSibling;
    return cell ? [{ label: foldSpace(td.textContent ?? ''), cell }] : [];
  });
}

/** The first value cell with `label` exactly. */
export function cellFor(cells: LabelledCell[], label: string): Element | undefined {
  return cells.find((c) => c.label === label)?.cell;
}

/**
 * In a header cell built of spans (`<span class="span_label">Authored On: </span><span
 * class="span_value">…</span>`), the value span after the label that starts with `label`.
 */
export function spanAfterLabel(cell: Element, label: string): Element | undefined {
  const labels = Array.from(cell.querySelectorAll('span.span_label'));
  const found = labels.find((l) => foldSpace(l.textContent ?? '').startsWith(label));
  const next = found?.nextElementSibling;
  return next?.classList.contains('span_value') ? next : undefined;
}
