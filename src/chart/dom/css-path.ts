/**
 * A CSS selector that finds `el` again in its document: the nearest ancestor with an id, then
 * `:nth-of-type` steps down to the element. Ids that look generated (digits, hashes) are
 * skipped because they change between page loads.
 */
export function cssPath(el: Element): string {
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node.nodeType === 1) {
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
    let index = 1;
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.localName === node.localName) index++;
    }
    steps.unshift(`${tag}:nth-of-type(${index})`);
    node = parent;
  }
  return steps.join(' > ');
}

function isStableId(id: string): boolean {
  return /^[A-Za-z][\w-]*$/.test(id) && !/\d{3,}|[0-9a-f]{8,}/i.test(id) && !id.startsWith('mantine-');
}

function cssEscape(id: string): string {
  return id.replace(/([^\w-])/g, '\\$1');
}
