import type { SourceRef } from '../chart/snapshot.ts';
import { layerRoot } from './layer.ts';

const SHOW_MS = 4000;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Scrolls to the element a piece of evidence came from and draws a box over it in chartlint's
 * layer. Returns false when this frame does not hold that element (the panel asks every frame).
 */
export function highlight(doc: Document, ref: SourceRef): boolean {
  const target = locate(doc, ref);
  if (!target) return false;
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  const rect = target.getBoundingClientRect();
  const view = doc.defaultView;
  const root = layerRoot(doc);
  root.replaceChildren();
  const box = doc.createElement('div');
  box.setAttribute('part', 'highlight');
  box.className = 'chartlint-highlight';
  box.style.cssText = [
    'position: absolute', 'pointer-events: none', 'box-sizing: border-box',
    `left: ${rect.left + (view?.scrollX ?? 0) - 4}px`, `top: ${rect.top + (view?.scrollY ?? 0) - 4}px`,
    `width: ${rect.width + 8}px`, `height: ${rect.height + 8}px`,
    'border: 3px solid #e8710a', 'border-radius: 4px', 'background: rgba(232, 113, 10, 0.12)',
    'box-shadow: 0 0 0 4px rgba(232, 113, 10, 0.25)',
  ].join(';');
  root.append(box);
  if (clearTimer !== undefined) clearTimeout(clearTimer);
  clearTimer = setTimeout(() => box.remove(), SHOW_MS);
  return true;
}

/** The element at `ref.selector`, if it still shows (part of) the quoted text. */
function locate(doc: Document, ref: SourceRef): Element | undefined {
  if (!ref.selector) return undefined;
  let element: Element | null;
  try {
    element = doc.querySelector(ref.selector);
  } catch {
    return undefined;
  }
  if (!element) return undefined;
  const probe = ref.text.replace(/…$/, '').slice(0, 40).replace(/\s+/g, ' ').trim();
  const text = (element.textContent ?? '').replace(/\s+/g, ' ');
  const isControl = ['input', 'select', 'textarea'].includes(element.localName);
  // A selector can drift when the page changes; the text check stops us boxing the wrong thing.
  // Form controls are quoted by their label, which is not inside them.
  return !probe || isControl || text.includes(probe) ? element : undefined;
}
