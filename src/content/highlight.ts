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
  // The box goes over the element's own document (a frame's, when reached through one): the
  // rectangle is in that frame's coordinates.
  const home = target.ownerDocument;
  const view = home.defaultView;
  const root = layerRoot(home);
  root.replaceChildren();
  const box = home.createElement('div');
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

/**
 * The element `ref` points at, if it still shows (part of) the quoted text: `ref.frame` names
 * a frame this document reached into when it read the chart, `ref.shadowHosts` the open
 * shadow roots to cross (outermost first), and `ref.selector` is relative to the last of them.
 */
export function locate(doc: Document, ref: SourceRef): Element | undefined {
  if (!ref.selector) return undefined;
  let element: Element | null;
  try {
    let scope: Document | ShadowRoot | undefined = ref.frame === undefined ? doc : frameDocument(doc, ref.frame);
    for (const host of ref.shadowHosts ?? []) scope = scope?.querySelector(host)?.shadowRoot ?? undefined;
    element = scope?.querySelector(ref.selector) ?? null;
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

/** How many frames deep a parent's reading can reach (walk.ts follows frames of frames). */
const MAX_FRAME_DEPTH = 8;

/**
 * The document of the frame named `name` (its name, id or src, as walk.ts names frames) among
 * this document's readable frames, at any depth. A frame's own content script reads its refs
 * without `frame`, so a named frame is reached only from the document that read through it.
 */
function frameDocument(doc: Document, name: string, depth = 0): Document | undefined {
  if (depth > MAX_FRAME_DEPTH) return undefined;
  for (const el of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (el as HTMLIFrameElement).contentDocument;
    } catch {
      // Another origin: not ours to read.
    }
    if (!inner) continue;
    const own = el.getAttribute('name') || el.getAttribute('id') || el.getAttribute('src') || el.localName;
    if (own === name) return inner;
    const nested = frameDocument(inner, name, depth + 1);
    if (nested) return nested;
  }
  return undefined;
}
