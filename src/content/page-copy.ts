import type { Slices } from './slices.ts';
import { skipTo, WalkBudget } from './walk-budget.ts';

/**
 * A page too large to read in one task is read from a copy: its first nodes, copied in slices
 * (the page runs between them), into an inert document of their own, which the adapters then
 * read in one short task. The copy keeps what the readers see (elements and their attributes,
 * text, form state, open shadow roots) in document order, so the selectors of its SourceRefs
 * (ids and `:nth-of-type` steps) also find the live page's elements. Nothing in the copy loads
 * or runs: a document made by `createHTMLDocument` has no browsing context.
 */
export interface CopyBudget {
  /** Elements and non-blank text nodes copied; the copy stops before the first one past it. */
  nodes: number;
  /** Options copied of one select (the chosen ones past it are kept too). */
  optionsPerSelect: number;
  /** Characters copied of one attribute value, and of one text node. */
  chars: number;
}

export interface PageCopy {
  document: Document;
  /** Elements and text nodes copied. */
  nodes: number;
  /** Nodes of the page the walk went through: what it cost the page's main thread. */
  visited: number;
  /** True when anything of the page was left out. */
  truncated: boolean;
  /** What was left out, one warning each, for the snapshot. */
  warnings: string[];
}

/** Subtrees no reader reads (src/chart/dom/walk.ts skips them too): the element is kept, not its content. */
const NOT_READ = new Set(['script', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'object', 'video', 'audio', 'canvas']);

/** How many nodes between two looks at the clock. */
const CHECK_EVERY = 64;

/** Where the copy is: the next live node to copy among its siblings, and the copy's node it goes into. */
interface Level {
  next: Node | null;
  into: Node;
  of?: Node;
}

/** Counts a page's elements and text nodes, stopping past `limit`: is it small enough to read at once? */
export function pageNodes(document: Document, limit: number): number {
  const root = document.documentElement;
  if (!root) return 0;
  const walker = document.createTreeWalker(root, 0x1 | 0x4);
  let n = 1;
  while (n <= limit && walker.nextNode()) n++;
  return n;
}

/** Copies `live` up to `budget`, yielding through `slices`. Never throws on the page's content. */
export async function copyPage(live: Document, budget: CopyBudget, slices: Slices): Promise<PageCopy> {
  const copy = live.implementation.createHTMLDocument('');
  copy.removeChild(copy.documentElement);
  const result: PageCopy = { document: copy, nodes: 0, visited: 0, truncated: false, warnings: [] };
  const root = live.documentElement;
  if (!root) return result;
  // Siblings are followed one by one (never a childNodes list: a body of 100,000 spans would
  // cost one long task to list).
  const stack: Level[] = [{ next: root, into: copy }];
  const spent = new WalkBudget(budget);
  const chosen: [HTMLOptionElement, HTMLOptionElement][] = [];
  let seen = 0;
  while (stack.length > 0) {
    const level = stack[stack.length - 1]!;
    const node = level.next;
    if (!node) {
      stack.pop();
      continue;
    }
    level.next = node === root ? null : node.nextSibling;
    if (++seen % CHECK_EVERY === 0 && slices.due) await slices.yield('copying the page');
    const into = level.into;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (/\S/.test(text) && !spent.take()) break;
      into.appendChild(copy.createTextNode(spent.cut(text)));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (tag === 'option' && spent.optionLeftOut(el)) {
      // The select's budget is spent: its chosen options after this one, then no more of it.
      // Listing them goes through all its options once (a few ms for 50,000): a slice of its own.
      await slices.yield('copying the page');
      const rest = spent.restOfSelect(el);
      for (const option of rest?.chosen ?? []) {
        if (!spent.take()) break;
        const copied = copy.importNode<HTMLOptionElement>(option, false);
        copied.textContent = spent.cut(option.text);
        into.appendChild(copied);
        chosen.push([option, copied]);
      }
      skipTo(stack, rest?.select);
      continue;
    }
    if (!spent.take()) break;
    const clone = copy.importNode(el, false);
    for (const attr of [...clone.attributes]) {
      const value = spent.cut(attr.value);
      if (value !== attr.value) clone.setAttribute(attr.name, value);
    }
    into.appendChild(clone);
    if (tag === 'select') spent.selectTaken(el);
    if (tag === 'option') chosen.push([el as HTMLOptionElement, clone as HTMLOptionElement]);
    if (NOT_READ.has(tag)) continue;
    stack.push({ next: el.firstChild, into: clone, of: el });
    // An open shadow root renders in place of the light children: copied first, as the readers walk it.
    const shadow = el.shadowRoot;
    const inner = shadow ? attachShadow(clone) : undefined;
    if (shadow && inner) stack.push({ next: shadow.firstChild, into: inner });
  }
  // An option's selectedness is not cloned with it; the chosen ones are what a form field reads.
  for (const [liveOption, copied] of chosen) copied.selected = liveOption.selected;
  result.nodes = spent.nodes;
  result.visited = seen;
  result.warnings = spent.warnings();
  result.truncated = result.warnings.length > 0;
  return result;
}

function attachShadow(clone: Element): ShadowRoot | undefined {
  try {
    return clone.attachShadow({ mode: 'open' });
  } catch {
    // An element that may not host one in the copy: its light children stand in.
    return undefined;
  }
}
