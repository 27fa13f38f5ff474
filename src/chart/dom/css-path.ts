/**
 * A CSS selector that finds `el` again in its document: the nearest ancestor with an id, then
 * `:nth-of-type` steps down to the element. Ids that look generated (digits, hashes) are
 * skipped because they change between page loads.
 */
const MAX_STEPS = 60;

export function cssPath(el: Element, siblings?: SiblingIndex): string {
  const steps: string[] = [];
  let node: Element | null = el;
  // A 5,000-deep page would give a selector of hundreds of kilobytes per value: the last 60
  // steps still find the element (a child combinator chain matches wherever it starts).
  while (node && node.nodeType === 1 && steps.length < MAX_STEPS) {
    const id = node.getAttribute('id');
    if (id && isStableId(id)) {
      steps.unshift(`#${cssEscape(id)}`);
      break;
    }
    const parent: Element | null = node.parentElement;
    const tag = node.localName.toLowerCase();
    if (!parent) {
      steps.unshift(tag);
      break;
    }
    const index = siblings ? indexed(node, parent, siblings) : positionOfType(node);
    steps.unshift(`${tag}:nth-of-type(${index})`);
    node = parent;
  }
  return steps.join(' > ');
}

/**
 * Each element's :nth-of-type position, per parent, filled in one pass over the parent's
 * children: many paths on one page (a 400-note chart) then cost one pass per parent instead of
 * one per path. Valid for one extraction only: the page may change between two.
 */
export type SiblingIndex = WeakMap<Element, Map<Element, number>>;

function positionOfType(node: Element): number {
  let index = 1;
  for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.localName === node.localName) index++;
  }
  return index;
}

function indexed(node: Element, parent: Element, siblings: SiblingIndex): number {
  let positions = siblings.get(parent);
  if (!positions) {
    positions = new Map();
    const counts = new Map<string, number>();
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const n = (counts.get(child.localName) ?? 0) + 1;
      counts.set(child.localName, n);
      positions.set(child, n);
    }
    siblings.set(parent, positions);
  }
  return positions.get(node) ?? positionOfType(node);
}

function isStableId(id: string): boolean {
  return /^[A-Za-z][\w-]*$/.test(id) && !/\d{3,}|[0-9a-f]{8,}/i.test(id) && !id.startsWith('mantine-');
}

function cssEscape(id: string): string {
  return id.replace(/([^\w-])/g, '\\$1');
}
