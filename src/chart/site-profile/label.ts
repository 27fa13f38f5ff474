import { textOf } from '../dom/text.ts';

/** A label longer than this is a value of its own, not the name of the one beside it. */
const MAX_LABEL = 40;

/**
 * The label a value is printed under, when the page pairs them: a `dd` after its `dt`, a cell
 * after its row header, or an element after a short "Label:" sibling. Notes
 * laid out as label/value rows differ in which rows they have, so a note's part is found again
 * by its label ("Author", "Signed") rather than by its position.
 */
export function labelOf(el: Element): string | undefined {
  const prev = el.previousElementSibling;
  if (!prev) return undefined;
  const tag = el.localName.toLowerCase();
  const prevTag = prev.localName.toLowerCase();
  const text = textOf(prev);
  if (!text || text.length > MAX_LABEL) return undefined;
  // A cell after a value cell is a column of a grid, not a labelled value: only a row header
  // (th) or a cell that ends with a colon labels the one after it.
  const paired = (tag === 'dd' && prevTag === 'dt') || ((tag === 'td' || tag === 'th') && prevTag === 'th') || /[:：]$/.test(text);
  return paired ? normalLabelText(text) : undefined;
}

/** Labels compare without case, spacing and a trailing colon: "Signed:" is "signed". */
export function normalLabelText(text: string): string {
  return text.replace(/[:：]\s*$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
