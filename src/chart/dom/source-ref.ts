import type { SourceRef } from '../snapshot.ts';
import { cssPath, type SiblingIndex } from './css-path.ts';
import { quote, textOf } from './text.ts';
import type { WalkContext } from './walk.ts';

let siblings: SiblingIndex | undefined;

/**
 * Runs one extraction with selector positions cached per parent (see SiblingIndex): refOf
 * calls inside `read` share the cache, which is dropped afterwards.
 */
export function withSelectorCache<T>(read: () => T): T {
  const previous = siblings;
  siblings = new WeakMap();
  try {
    return read();
  } finally {
    siblings = previous;
  }
}

/**
 * A SourceRef for an element found by `walk`: its selector within its own tree, plus the frame
 * and shadow hosts needed to reach that tree from the top document.
 */
export function refOf(el: Element, ctx: WalkContext | undefined, text: string): SourceRef {
  const ref: SourceRef = { selector: shadowSafe(el, cssPath(el, siblings)), text: quote(text) };
  if (ctx?.frame) ref.frame = ctx.frame;
  if (ctx && ctx.hosts.length > 0) ref.shadowHosts = ctx.hosts.map((host) => cssPath(host));
  return ref;
}

/**
 * cssPath stops at a shadow root with a bare tag name ("div"); number that first step so it
 * picks the right one among the shadow root's top-level elements.
 */
function shadowSafe(el: Element, selector: string): string {
  let top = el;
  for (let up = el.parentElement; up; up = up.parentElement) top = up;
  if (top.parentNode?.nodeType !== 11 || selector.startsWith('#')) return selector;
  let index = 1;
  for (let sib = top.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib.localName === top.localName) index++;
  const tag = top.localName.toLowerCase();
  return selector === tag || selector.startsWith(`${tag} > `) ? `${tag}:nth-of-type(${index})${selector.slice(tag.length)}` : selector;
}

/** A textarea's or input's live `.value` (what the user typed) when non-empty, else its text. */
export function valueOrText(el: Element): string {
  const tag = el.localName.toLowerCase();
  if (tag === 'textarea' || tag === 'input') {
    const value = (el as HTMLTextAreaElement).value;
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return textOf(el);
}
