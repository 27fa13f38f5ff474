import { cleanLabel } from './label-value.ts';
import { foldSpace, textOf } from './text.ts';

/** A form control as a reader sees it: its label, current value and whether it is required. */
export interface ReadField {
  label: string;
  value: string;
  required: boolean;
  control: string;
}

/** Controls that hold no chart data. */
const IGNORED_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'password', 'search']);

/** True for input/select/textarea elements worth reporting (not hidden, not buttons). */
export function isDataControl(el: Element): boolean {
  const tag = el.localName.toLowerCase();
  if (tag !== 'input' && tag !== 'select' && tag !== 'textarea') return false;
  if (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('role') === 'searchbox') return false;
  return tag !== 'input' || !IGNORED_TYPES.has((el.getAttribute('type') ?? 'text').toLowerCase());
}

/** Reads a control's label (label[for], aria-labelledby, aria-label, wrapping label, preceding text). */
export function readField(el: Element): ReadField {
  const rawLabel = labelText(el);
  return {
    label: cleanLabel(rawLabel) || el.getAttribute('placeholder') || el.getAttribute('name') || el.getAttribute('id') || el.localName,
    value: currentValue(el),
    required: el.hasAttribute('required') || el.getAttribute('aria-required') === 'true' || /\*\s*:?\s*$/.test(rawLabel),
    control: el.localName === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : el.localName.toLowerCase(),
  };
}

function labelText(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const id = el.getAttribute('id');
  if (id && typeof root.querySelectorAll === 'function') {
    for (const label of root.querySelectorAll('label[for]')) {
      if (label.getAttribute('for') === id) return textOf(label);
    }
  }
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy && typeof root.getElementById === 'function') {
    const text = labelledBy.split(/\s+/).map((ref) => textOf(root.getElementById(ref))).filter(Boolean).join(' ');
    if (text) return text;
  }
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const wrapping = el.closest('label');
  if (wrapping) return ownText(wrapping, el);
  return precedingText(el);
}

/** A wrapping label's text without the control's own text (a select's options, say). */
function ownText(label: Element, control: Element): string {
  const controlText = control.textContent ?? '';
  const text = label.textContent ?? '';
  return foldSpace(controlText ? text.replace(controlText, ' ') : text);
}

/** The text just before the control: a previous sibling, or its parent's leading text. */
function precedingText(el: Element): string {
  for (let node = el.previousSibling, steps = 0; node && steps < 4; node = node.previousSibling, steps++) {
    const text = foldSpace(node.textContent ?? '');
    if (text && text.length <= 60) return text;
    if (text) break;
  }
  const cell = el.parentElement;
  // A table cell after a label cell: <td>Weight</td><td><input></td>.
  if (cell && (cell.localName === 'td' || cell.localName === 'dd')) {
    const prev = cell.previousElementSibling;
    if (prev) return textOf(prev);
  }
  return '';
}

/** What a control shows: a select's chosen option, an input's value. */
export function currentValue(el: Element): string {
  const tag = el.localName.toLowerCase();
  if (tag === 'select') {
    const select = el as HTMLSelectElement;
    const option = select.selectedOptions?.[0] ?? select.querySelector('option[selected]');
    return option && (option.getAttribute('value') ?? textOf(option)) !== '' ? textOf(option) : '';
  }
  const input = el as HTMLInputElement;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  if (type === 'checkbox' || type === 'radio') return input.checked ? input.value || 'on' : '';
  const value = typeof input.value === 'string' ? input.value : el.getAttribute('value') ?? '';
  return value.trim() || (tag === 'textarea' ? textOf(el) : '');
}
