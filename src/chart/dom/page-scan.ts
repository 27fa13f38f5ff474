import { walk, type WalkBudget, type WalkContext, type WalkReport } from './walk.ts';

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
  /** A line of preformatted text (`<pre>`, `white-space: pre`): one printed line of a note. */
  pre?: boolean;
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
  /** Lazily built index for `linesUnder`. */
  byAncestor?: Map<Element, Line[]>;
  /**
   * Whether the page's style sheets set an element bold (`.dh { font-weight: bold }`): a title
   * bar styled by its class is as emphasised as one in `<b>`. Asked only of candidate titles.
   */
  isBoldStyled?: (el: Element) => boolean;
}

/** Inline elements: their text belongs to the line of the block around them. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'br', 'label', 'output', 'slot',
]);
const HEADING = /^h[1-6]$/;
/** Zero-width, joiner, bidi-control and byte-order characters. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
/** Text read from one text node: a 2 MB node is read in part. */
const MAX_NODE_TEXT = 20_000;
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

/**
 * `ancestor.contains(el)` by climbing from `el` (happy-dom's `contains` recurses down the tree),
 * at most `max` levels: on a 5,000-deep page an unbounded climb per line is quadratic.
 */
export function isInside(el: Element, ancestor: Element, max = 400): boolean {
  let node: Element | null = el;
  for (let steps = 0; node && steps <= max; steps++, node = node.parentElement) if (node === ancestor) return true;
  return false;
}

/** `el.closest(selector)` within `max` levels; a selector the DOM refuses matches nothing. */
export function closestMatching(el: Element, selector: string, max = 16): Element | null {
  let node: Element | null = el;
  for (let steps = 0; node && steps <= max; steps++, node = node.parentElement) {
    try {
      if (node.matches(selector)) return node;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The nearest ancestor-or-self within `max` levels for which `test` holds. Tag and attribute
 * tests, not selectors: this runs for every line of a page, and selector matching per level
 * is what made a 5,000-deep page slow.
 */
export function closestWhere(el: Element, test: (node: Element) => boolean, max = 16): Element | null {
  if (nearestByTest) return nearestRemembered(el, test, max, nearestByTest);
  let node: Element | null = el;
  for (let steps = 0; node && steps <= max; steps++, node = node.parentElement) if (test(node)) return node;
  return null;
}

/** Per test, each element's nearest ancestor-or-self that passes it and how many levels up that is. */
type Nearest = { node: Element | null; up: number };
type NearestMemo = WeakMap<(node: Element) => boolean, Map<Element, Nearest>>;
let nearestByTest: NearestMemo | undefined;

/**
 * Runs one read with closestWhere's answers remembered: readers ask it for every line of the
 * page, and the lines of one table or note share their ancestors, so each element is tested
 * once instead of once per line below it (a 50,000-node page asked ~1.5 million times).
 * Dropped afterwards, since the live page changes between reads.
 */
export function withAncestryCache<T>(read: () => T): T {
  const previous = nearestByTest;
  nearestByTest = new WeakMap();
  try {
    return read();
  } finally {
    nearestByTest = previous;
  }
}

/** closestWhere through the memo: the same answer, found by climbing only to the first remembered element. */
function nearestRemembered(el: Element, test: (node: Element) => boolean, max: number, memo: NearestMemo): Element | null {
  let known = memo.get(test);
  if (!known) memo.set(test, (known = new Map<Element, Nearest>()));
  const path: Element[] = [];
  let found: Nearest = { node: null, up: 0 };
  for (let node: Element | null = el; node; node = node.parentElement) {
    const remembered = known.get(node);
    if (remembered) {
      found = remembered;
      break;
    }
    if (test(node)) {
      found = { node, up: 0 };
      known.set(node, found);
      break;
    }
    path.push(node);
  }
  // Fill in the climbed elements from the top down: each is one level further from what was found.
  for (let i = path.length - 1; i >= 0; i--) {
    found = found.node ? { node: found.node, up: found.up + 1 } : found;
    known.set(path[i]!, found);
  }
  const answer = known.get(el)!;
  return answer.node && answer.up <= max ? answer.node : null;
}

/** A tag or ARIA role test for `closestWhere`: `byTagOrRole(['nav'], ['navigation'])`. */
export function byTagOrRole(tags: readonly string[], roles: readonly string[] = []): (node: Element) => boolean {
  const tagSet = new Set(tags);
  const roleSet = new Set(roles);
  return (node) => tagSet.has(node.localName.toLowerCase()) || (roleSet.size > 0 && roleSet.has(node.getAttribute('role') ?? ''));
}

/**
 * The parent in the tree as rendered: a slotted element's slot, a shadow root's host, else the
 * DOM parent. A web component's note is its shadow tree (title, signature block) plus the text
 * slotted into it from the page, and both belong to the note.
 */
export function renderedParent(el: Element): Element | null {
  const parent = el.parentElement;
  if (parent?.shadowRoot) {
    const assigned = (el as Element & { assignedSlot?: Element | null }).assignedSlot;
    if (assigned) return assigned;
    const name = el.getAttribute('slot');
    try {
      const slot = parent.shadowRoot.querySelector(name ? `slot[name="${name.replace(/["\\]/g, '')}"]` : 'slot:not([name])');
      if (slot) return slot;
    } catch {
      // A slot name no selector can hold: fall back to the host.
    }
  }
  if (parent) return parent;
  const root = el.getRootNode() as Node & { host?: Element };
  return root.host ?? null;
}

/** The scan's lines under an element (its own and its descendants' within 12 levels), indexed once. */
export function linesUnder(scan: PageScan, el: Element): Line[] {
  if (!scan.byAncestor) {
    const index = new Map<Element, Line[]>();
    for (const line of scan.lines) {
      let node: Element | null = line.el;
      for (let up = 0; node && up <= 12; up++, node = node.parentElement) {
        const list = index.get(node);
        if (list) list.push(line);
        else index.set(node, [line]);
      }
    }
    scan.byAncestor = index;
  }
  return scan.byAncestor.get(el) ?? [];
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

export function scanPage(document: Document, budget?: WalkBudget): PageScan {
  const scan: PageScan = { lines: [], headings: [], tables: [], lists: [], dls: [], controls: [], containers: [], report: undefined! };
  const byBlock = new Map<Element, Line>();
  const preformatted = styleRuleTest(document, /white-space\s*:\s*pre(?:-wrap|-line)?\b/i, (el, style) => {
    const tag = el.localName.toLowerCase();
    return tag === 'pre' || tag === 'xmp' || tag === 'listing' || tag === 'plaintext' || (style !== null && /white-space\s*:\s*pre/i.test(style));
  });
  const bold = styleRuleTest(document, BOLD, (_, style) => style !== null && BOLD.test(style));
  scan.isBoldStyled = (el) => bold.test(el);
  /** The element whose text a block's line last took: text from another one is another field. */
  const lastParent = new Map<Element, Element | null>();
  /** Blocks whose next text starts a new line: a `<br>` came after their last text. */
  const broken = new Set<Element>();
  const startLine = (block: Element, ctx: WalkContext, text: string, pre = false) => {
    const created: Line = { el: block, ctx, text, heading: scan.headings.length - 1, ...(pre ? { pre } : {}) };
    byBlock.set(block, created);
    scan.lines.push(created);
  };
  scan.report = walk(document, {
    element(el, ctx) {
      const tag = el.localName.toLowerCase();
      const heading = scan.headings.length - 1;
      if (HEADING.test(tag) || el.getAttribute('role') === 'heading') {
        scan.headings.push({ el, ctx, text: safeText(el) });
      } else if (tag === 'table' || el.getAttribute('role') === 'grid' || el.getAttribute('role') === 'treegrid') scan.tables.push({ el, ctx, heading });
      else if (tag === 'ul' || tag === 'ol') scan.lists.push({ el, ctx, heading });
      else if (tag === 'dl') scan.dls.push({ el, ctx, heading });
      else if (tag === 'input' || tag === 'select' || tag === 'textarea') scan.controls.push({ el, ctx });
      else if (tag === 'br') {
        const block = blockOf(el);
        if (block) broken.add(block);
      } else if ((tag === 'article' || el.getAttribute('role') === 'article') && scan.containers.length < MAX_CONTAINERS) {
        scan.containers.push({ el, ctx });
      }
      if (el.shadowRoot) {
        preformatted.addRulesOf(el.shadowRoot);
        bold.addRulesOf(el.shadowRoot);
      }
      // Option text is the control's value, not page text.
      return tag !== 'select' && tag !== 'textarea';
    },
    text(node, ctx) {
      const block = blockOf(node);
      if (!block) return;
      // Zero-width and bidi control characters are invisible on screen: a name or MRN is read without them.
      const raw = (node.nodeValue ?? '').slice(0, MAX_NODE_TEXT).replace(INVISIBLE, '');
      // Preformatted text (a TIU note in <pre>) keeps its lines: each is a line of its own.
      if (preformatted.test(block)) {
        const parts = raw.split(/\r?\n/);
        parts.forEach((part, i) => {
          const text = part.replace(/\t/g, '   ').replace(/ {3,}/g, '   ').replace(/[^\S ]+/g, ' ');
          const line = byBlock.get(block);
          if (i === 0 && line && !broken.has(block)) {
            if (line.text.length < MAX_LINE) line.text += text;
          } else startLine(block, ctx, text, true);
          broken.delete(block);
        });
        return;
      }
      // Runs of 3+ spaces separate fields in table-less banners: keep them for splitSegments.
      const text = raw.replace(/\s+/g, (ws) => (ws.length >= 3 && !ws.includes('\n') ? '   ' : ' '));
      const line = byBlock.get(block);
      if (line && !broken.has(block)) {
        // Text of two elements side by side with no space between ("<span>Patient</span><span>DOE</span>")
        // is two fields on screen: keep a space between them.
        const gap = lastParent.get(block) !== node.parentElement && !/\s$/.test(line.text) && !/^\s/.test(text) ? ' ' : '';
        if (line.text.length < MAX_LINE) line.text = `${line.text}${gap}${text}`;
        lastParent.set(block, node.parentElement);
        return;
      }
      lastParent.set(block, node.parentElement);
      broken.delete(block);
      startLine(block, ctx, text);
    },
  }, budget);
  scan.lines = scan.lines.filter((line) => {
    line.text = line.text.trim().slice(0, MAX_LINE);
    return line.text !== '';
  });
  return scan;
}

const BOLD = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i;

/**
 * Elements a style declaration applies to, inline or by a style sheet rule. For `<pre>` and
 * elements styled to keep their line breaks (`white-space: pre`, `pre-wrap`,
 * `pre-line`), inline or by a style sheet rule: note viewers often show a plain-text note in a
 * `div` whose class keeps its lines, and those lines are what a reader reads.
 */
function styleRuleTest(
  document: Document,
  declaration: RegExp,
  inline: (el: Element, style: string | null) => boolean,
): { test(el: Element): boolean; addRulesOf(root: ParentNode): void } {
  const selectors: string[] = [];
  const cache = new WeakMap<Element, boolean>();
  const addRulesOf = (root: ParentNode) => {
    let styles: Element[];
    try {
      styles = [...root.querySelectorAll('style')].slice(0, 50);
    } catch {
      return;
    }
    for (const style of styles) {
      // Rule by rule, split at '}' (linear: a regex over selector text with few braces backtracks quadratically).
      for (const rule of (style.textContent ?? '').slice(0, 200_000).split('}')) {
        const open = rule.lastIndexOf('{');
        if (open < 0 || !declaration.test(rule.slice(open + 1))) continue;
        const head = rule.slice(0, open);
        const selectorText = head.slice(head.lastIndexOf('{') + 1);
        for (const selector of selectorText.split(',')) if (selectors.length < 40 && selector.trim() && !selector.includes('@')) selectors.push(selector.trim());
      }
    }
  };
  addRulesOf(document);
  const matches = (el: Element, selector: string) => {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  };
  return {
    addRulesOf,
    test(el) {
      const known = cache.get(el);
      if (known !== undefined) return known;
      const result = inline(el, el.getAttribute('style')) || selectors.some((selector) => matches(el, selector));
      cache.set(el, result);
      return result;
    },
  };
}

/**
 * An inline element positioned on its own (a PDF-to-HTML page puts every printed line in a
 * span with top/left): a line of its own, not part of the page's one block.
 */
function isPositioned(el: Element): boolean {
  const style = el.getAttribute('style');
  return style !== null && /position\s*:\s*(absolute|fixed)|(^|;)\s*top\s*:/i.test(style);
}

function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element).parentElement : node.parentElement;
  for (let depth = 0; el && depth < MAX_INLINE_DEPTH && INLINE.has(el.localName.toLowerCase()) && !isPositioned(el); depth++) {
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
