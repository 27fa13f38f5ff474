import { foldSpace } from '../dom/text.ts';

/** Narrative-block elements that a reader sees as separate lines or cells. */
const BLOCKS = new Set(['paragraph', 'br', 'item', 'list', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'footnote', 'renderMultiMedia']);

/**
 * The text of a CDA narrative block as a reader sees it: cells and paragraphs kept apart by a
 * space (textContent would run "Penicillin" and "Nausea" together), whitespace folded.
 */
export function narrativeText(el: Element | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  collect(el, parts);
  return foldSpace(parts.join(''));
}

function collect(node: Node, parts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 || child.nodeType === 4) parts.push(child.nodeValue ?? '');
    else if (child.nodeType === 1) {
      const block = BLOCKS.has((child as Element).localName);
      if (block) parts.push(' ');
      collect(child, parts);
      if (block) parts.push(' ');
    }
  }
}

/**
 * Finds narrative elements by their `ID` attribute, to resolve `<reference value="#x"/>` from
 * coded entries to the words the author wrote. Built once per document: CDA IDs are not the
 * DOM's `id`, so `getElementById` does not see them.
 */
export class NarrativeIndex {
  private readonly byId = new Map<string, Element>();

  constructor(root: Element) {
    for (const el of Array.from(root.getElementsByTagName('*'))) {
      const id = el.getAttribute('ID');
      if (id && !this.byId.has(id)) this.byId.set(id, el);
    }
  }

  /** The element a reference such as `#Problem1` points at. */
  element(reference: string | undefined): Element | undefined {
    if (!reference?.startsWith('#')) return undefined;
    return this.byId.get(reference.slice(1));
  }

  /** The narrative text a reference points at, or '' when it points nowhere. */
  text(reference: string | undefined): string {
    return narrativeText(this.element(reference));
  }
}
