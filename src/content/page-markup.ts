import type { CopyBudget } from './page-copy.ts';
import type { Slices } from './slices.ts';
import { skipTo, WalkBudget } from './walk-budget.ts';

/**
 * A page too large to read on its own main thread is written out as HTML, in slices (the page
 * runs between them), and read whole elsewhere: in Chrome's offscreen document, in Firefox's
 * background page (src/background/markup-reading.ts). The markup keeps what the readers see, in
 * document order, so that the selectors of the SourceRefs read from it (ids and `:nth-of-type`
 * steps) also find the live page's elements:
 * - elements and their attributes, and text;
 * - form state as attributes (an input's current value as `value`, `checked`, an option's
 *   `selected`, a textarea's value as its text), which a serialization of the live page would
 *   lose: the page's own attributes are only the defaults;
 * - open shadow roots as declarative ones (`<template shadowrootmode="open">`), first in their
 *   host, as the readers walk them; attached again after parsing (declarative-shadow.ts).
 * Subtrees no reader reads (scripts, styles, frames, media) are kept as empty elements. The
 * markup is parsed again into the same tree except where the live tree is one the HTML parser
 * never builds (a `<div>` put inside a `<p>` by a script): there a selector may drift, and the
 * highlight's text check (highlight.ts) then declines to box the wrong element.
 */
export interface PageMarkup {
  html: string;
  /** Elements and non-blank text nodes written. */
  nodes: number;
  /** Nodes of the page the walk went through: what it cost the page's main thread. */
  visited: number;
  /** True when anything of the page was left out. */
  truncated: boolean;
  /** What was left out, one warning each, for the snapshot. */
  warnings: string[];
}

/** Written as an empty element (src/chart/dom/walk.ts skips their content too). */
const NOT_READ = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'object', 'video', 'audio', 'canvas']);

/** Elements the HTML parser closes itself: no end tag, no content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

/** How many nodes between two looks at the clock. */
const CHECK_EVERY = 16;

/** Where the walk is: the next live node among its siblings, what closes their parent, and that parent. */
interface Level {
  next: Node | null;
  close: string;
  of?: Node;
}

/** Writes `live` out as HTML, up to `budget`, yielding through `slices`. Never throws on the page's content. */
export async function pageMarkup(live: Document, budget: CopyBudget, slices: Slices): Promise<PageMarkup> {
  const result: PageMarkup = { html: '<!doctype html>', nodes: 0, visited: 0, truncated: false, warnings: [] };
  const root = live.documentElement;
  if (!root) return result;
  // Siblings are followed one by one (never a childNodes list: a body of 100,000 spans would
  // cost one long task to list).
  const stack: Level[] = [{ next: root, close: '' }];
  const spent = new WalkBudget(budget);
  const cut = (text: string): string => spent.cut(text);
  let seen = 0;
  const out = new Markup(result.html);
  while (stack.length > 0) {
    const level = stack[stack.length - 1]!;
    const node = level.next;
    if (!node) {
      out.add(level.close);
      stack.pop();
      continue;
    }
    level.next = node === root ? null : node.nextSibling;
    if (++seen % CHECK_EVERY === 0) {
      out.flatten();
      if (slices.due) await slices.yield('writing out the page');
    }
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (/\S/.test(text) && !spent.take()) break;
      out.add(escapeText(cut(text)));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (tag === 'option' && spent.optionLeftOut(el)) {
      // The select's budget is spent: its chosen options after this one, then no more of it.
      // Listing them goes through all its options once (a few ms for 50,000): a slice of its own.
      await slices.yield('writing out the page');
      const rest = spent.restOfSelect(el);
      for (const option of rest?.chosen ?? []) {
        if (!spent.take()) break;
        out.add(`<option${attributesOf(option, 'option', cut)}>${escapeText(cut(option.text))}</option>`);
      }
      skipTo(stack, rest?.select);
      continue;
    }
    if (!spent.take()) break;
    out.add(`<${tag}${attributesOf(el, tag, cut)}>`);
    if (tag === 'select') spent.selectTaken(el);
    if (VOID.has(tag)) continue;
    const close = `</${tag}>`;
    if (tag === 'textarea') {
      // Its value is what the user typed; its children are only the default.
      out.add(escapeText(cut((el as HTMLTextAreaElement).value)) + close);
      continue;
    }
    if (NOT_READ.has(tag)) {
      out.add(close);
      continue;
    }
    stack.push({ next: el.firstChild, close, of: el });
    // An open shadow root renders in place of the light children: written first, as the readers walk it.
    const shadow = el.shadowRoot;
    if (shadow) stack.push({ next: shadow.firstChild, close: '</template>' });
    if (shadow) out.add('<template shadowrootmode="open">');
  }
  // Whatever the budget cut off, the elements still open are closed as the parser would.
  result.html = out.text();
  result.nodes = spent.nodes;
  result.visited = seen;
  result.warnings = spent.warnings();
  result.truncated = result.warnings.length > 0;
  return result;
}

/** An element's attributes as written, with its form state in place of the defaults. */
function attributesOf(el: Element, tag: string, cut: (text: string) => string): string {
  let out = '';
  const state = formState(el, tag);
  for (const attr of el.attributes) {
    const name = attr.name.toLowerCase();
    if (state && name in state) continue;
    // The page's own template is not one of its shadow roots: parsed again, it must not become one.
    if (tag === 'template' && (name === 'shadowrootmode' || name === 'shadowroot')) continue;
    out += ` ${attr.name}="${escapeAttribute(cut(attr.value))}"`;
  }
  for (const [name, value] of Object.entries(state ?? {})) {
    if (value !== undefined) out += ` ${name}="${escapeAttribute(cut(value))}"`;
  }
  return out;
}

/**
 * The attributes that stand for a control's current state (undefined: leave the attribute out).
 * A password's value is never written: no reader needs it, and it has no place in a copy.
 */
function formState(el: Element, tag: string): Record<string, string | undefined> | undefined {
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    const type = input.type;
    if (type === 'checkbox' || type === 'radio') return { checked: input.checked ? '' : undefined };
    if (type === 'file' || type === 'password') return { value: undefined };
    return { value: input.value };
  }
  if (tag === 'option') return { selected: (el as HTMLOptionElement).selected ? '' : undefined };
  return undefined;
}

function escapeText(text: string): string {
  return /[&<>\u00a0]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;') : text;
}

function escapeAttribute(value: string): string {
  return /[&"\u00a0]/.test(value) ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;') : value;
}

/**
 * The markup as it is written: the pieces of a few dozen nodes, joined into one flat string
 * every CHECK_EVERY nodes. Tens of thousands of small strings kept alive (a rope of `+=`) made
 * the page's garbage collections long enough for long tasks (measured: slices of 50–90 ms on a
 * 50,000-node page); a few hundred flat strings do not.
 */
class Markup {
  private pieces: string[] = [];
  private chunks: string[];

  constructor(start: string) {
    this.chunks = [start];
  }

  add(piece: string): void {
    this.pieces.push(piece);
  }

  flatten(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
  }

  text(): string {
    this.flatten();
    return this.chunks.join('');
  }
}
