/**
 * Walks a page the way a reader sees it: the document, the open shadow roots of web
 * components, and same-origin frames. An explicit stack (no recursion) and a node budget keep
 * a 50,000-node or 5,000-deep page fast and the call stack flat.
 */

/** Where a walked node lives: its frame (undefined = top document) and shadow hosts. */
export interface WalkContext {
  /** The frame's name, id or URL when the node is inside an iframe/frame. */
  frame?: string;
  /** Open shadow-root hosts holding the node, outermost first. */
  hosts: Element[];
}

export interface WalkVisitor {
  /** Called for every element in document order; return `false` to skip its subtree. */
  element?(el: Element, ctx: WalkContext): boolean | void;
  /** Called for every non-blank text node in document order. */
  text?(node: Text, ctx: WalkContext): void;
}

export interface WalkReport {
  visited: number;
  /** True when the budget ran out before the end of the page. */
  truncated: boolean;
  /** Which budget ran out: too many nodes, or too long. */
  truncatedBy?: 'nodes' | 'time';
  /** Frames that could not be read (cross-origin or not loaded), by name. */
  unreadableFrames: string[];
  shadowRoots: number;
  frames: number;
}

/** Enough for any real chart page; a page beyond it is read in part, with a warning. */
export const DEFAULT_NODE_BUDGET = 120_000;

/** How long one walk may take: the reader must never hold the EHR page (or a batch) for long. */
export const DEFAULT_TIME_BUDGET_MS = 1000;

/** A walk's limits: nodes visited, and milliseconds of wall time (checked every 512 nodes). */
export interface WalkBudget {
  nodes?: number;
  ms?: number;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'math']);

/** Visits `root` depth-first in document order, entering open shadow roots and readable frames. */
export function walk(root: Document | Element, visitor: WalkVisitor, budget: number | WalkBudget = {}): WalkReport {
  const report: WalkReport = { visited: 0, truncated: false, unreadableFrames: [], shadowRoots: 0, frames: 0 };
  const { nodes = DEFAULT_NODE_BUDGET, ms = DEFAULT_TIME_BUDGET_MS } = typeof budget === 'number' ? { nodes: budget } : budget;
  const deadline = Date.now() + ms;
  const start = 'documentElement' in root ? root.documentElement : root;
  if (!start) return report;
  const stack: { node: Node; ctx: WalkContext }[] = [{ node: start, ctx: { hosts: [] } }];
  while (stack.length > 0) {
    if (report.visited >= nodes || ((report.visited & 511) === 0 && Date.now() > deadline)) {
      report.truncated = true;
      report.truncatedBy = report.visited >= nodes ? 'nodes' : 'time';
      break;
    }
    const { node, ctx } = stack.pop()!;
    report.visited++;
    if (node.nodeType === 3) {
      if (visitor.text && /\S/.test(node.nodeValue ?? '')) visitor.text(node as Text, ctx);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    if (visitor.element?.(el, ctx) === false) continue;
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, ctx });
    // The shadow tree renders in place of the light children: visit it first.
    const shadow = el.shadowRoot;
    if (shadow) {
      report.shadowRoots++;
      const inner: WalkContext = { ...ctx, hosts: [...ctx.hosts, el] };
      const nodes = shadow.childNodes;
      for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, ctx: inner });
    }
    if (tag === 'iframe' || tag === 'frame') {
      const frameDoc = readableFrame(el);
      const name = frameName(el);
      if (frameDoc?.documentElement) {
        report.frames++;
        stack.push({ node: frameDoc.documentElement, ctx: { frame: name, hosts: [] } });
      } else {
        report.unreadableFrames.push(name);
      }
    }
  }
  return report;
}

/** A frame's document when same-origin and loaded; cross-origin access throws in browsers. */
function readableFrame(el: Element): Document | null {
  try {
    return (el as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

function frameName(el: Element): string {
  return el.getAttribute('name') || el.getAttribute('id') || el.getAttribute('src') || el.localName;
}
