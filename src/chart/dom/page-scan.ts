import { walk, type WalkContext, type WalkReport } from './walk.ts';

/**
 * One pass over a page (frames and open shadow roots included) that gathers what the generic
 * adapter reads: text lines as a reader sees them, headings, tables, lists, `dl`s, form
 * controls and document containers, each with the walk context that locates it.
 */
export interface Found {
  el: Element;
  ctx: WalkContext;
}

export interface Line extends Found {
  text: string;
  /** Index in `headings` of the last heading before this line, or -1. */
  heading: number;
}

export interface Heading extends Found {
  text: string;
}

export interface ListLike extends Found {
  /** Index in `headings` of the last heading before it, or -1. */
  heading: number;
}

export interface PageScan {
  lines: Line[];
  headings: Heading[];
  tables: ListLike[];
  lists: ListLike[];
  dls: ListLike[];
  controls: Found[];
  containers: Found[];
  report: WalkReport;
  /** Lazily built index for `containerOf`. */
  byContainer?: Map<Element, Found>;
}

/** Inline elements: their text belongs to the line of the block around them. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'br', 'label', 'output', 'slot',
]);
const HEADING = /^h[1-6]$/;
const MAX_LINE = 2000;
/** How far up inline wrappers are followed; pathological nesting stops here. */
const MAX_INLINE_DEPTH = 8;

/** Enough documents for any chart page; more are read as one page of text. */
const MAX_CONTAINERS = 5000;

/**
 * `el.closest(tags)` that gives up after `max` steps: on a 5,000-deep page the unbounded form
 * makes every lookup a long climb.
 */
export function closestWithin(el: Element, tags: ReadonlySet<string>, max = 24): Element | null {
  let node: Element | null = el;
  for (let steps = 0; node && steps <= max; steps++, node = node.parentElement) {
    if (tags.has(node.localName.toLowerCase())) return node;
  }
  return null;
}

/** `ancestor.contains(el)` by climbing from `el`: happy-dom's `contains` recurses down the tree. */
export function isInside(el: Element, ancestor: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (node === ancestor) return true;
  return false;
}

/** The innermost document container (article) holding `el`, climbing at most `max` levels. */
export function containerOf(scan: PageScan, el: Element, max = 200): Found | undefined {
  const byEl = (scan.byContainer ??= new Map(scan.containers.map((c) => [c.el, c])));
  let node: Element | null = el;
  for (let steps = 0; node && steps <= max; steps++, node = node.parentElement) {
    const found = byEl.get(node);
    if (found) return found;
  }
  return undefined;
}

export function scanPage(document: Document, budget?: number): PageScan {
  const scan: PageScan = { lines: [], headings: [], tables: [], lists: [], dls: [], controls: [], containers: [], report: undefined! };
  const byBlock = new Map<Element, Line>();
  scan.report = walk(document, {
    element(el, ctx) {
      const tag = el.localName.toLowerCase();
      const heading = scan.headings.length - 1;
      if (HEADING.test(tag) || el.getAttribute('role') === 'heading') {
        scan.headings.push({ el, ctx, text: safeText(el) });
      } else if (tag === 'table') scan.tables.push({ el, ctx, heading });
      else if (tag === 'ul' || tag === 'ol') scan.lists.push({ el, ctx, heading });
      else if (tag === 'dl') scan.dls.push({ el, ctx, heading });
      else if (tag === 'input' || tag === 'select' || tag === 'textarea') scan.controls.push({ el, ctx });
      else if ((tag === 'article' || el.getAttribute('role') === 'article') && scan.containers.length < MAX_CONTAINERS) {
        scan.containers.push({ el, ctx });
      }
      // Option text is the control's value, not page text.
      return tag !== 'select' && tag !== 'textarea';
    },
    text(node, ctx) {
      const block = blockOf(node);
      if (!block) return;
      // Runs of 3+ spaces separate fields in table-less banners: keep them for splitSegments.
      const text = (node.nodeValue ?? '').replace(/\s+/g, (ws) => (ws.length >= 3 && !ws.includes('\n') ? '   ' : ' '));
      const line = byBlock.get(block);
      if (line) {
        if (line.text.length < MAX_LINE) line.text = `${line.text}${text}`;
        return;
      }
      const created: Line = { el: block, ctx, text, heading: scan.headings.length - 1 };
      byBlock.set(block, created);
      scan.lines.push(created);
    },
  }, budget);
  for (const line of scan.lines) line.text = line.text.trim().slice(0, MAX_LINE);
  return scan;
}

function blockOf(node: Text): Element | null {
  let el: Element | null = node.parentElement;
  for (let depth = 0; el && depth < MAX_INLINE_DEPTH && INLINE.has(el.localName.toLowerCase()); depth++) {
    const parent: Element | null = el.parentElement;
    if (!parent) break;
    el = parent;
  }
  return el;
}

/** A heading's text; happy-dom's textContent recurses and can overflow on a pathological heading. */
function safeText(el: Element): string {
  try {
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}
