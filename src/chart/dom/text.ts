/** Text of a node as a reader sees it: whitespace folded, trimmed. */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  // A cell or node holding megabytes (a hostile page) is read in part.
  return foldSpace((node.textContent ?? '').slice(0, 20_000));
}

/** Whitespace folded, and invisible characters (zero-width, bidi controls, BOM) dropped. */
export function foldSpace(text: string): string {
  return text.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/** Quoted text is capped so a snapshot of a huge page stays small. */
export function quote(text: string, max = 300): string {
  const folded = foldSpace(text);
  return folded.length > max ? `${folded.slice(0, max - 1)}…` : folded;
}

/**
 * The text of a small element (a label, a chip, a title part), or undefined when it holds more
 * than `maxNodes` nodes: `textContent` of a nested block is the text of everything inside it,
 * and asking for it per line of a deep page is quadratic.
 */
export function smallTextOf(el: Element | null | undefined, maxNodes = 24): string | undefined {
  if (!el) return undefined;
  const parts: string[] = [];
  const stack: Node[] = [el];
  let seen = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (++seen > maxNodes) return undefined;
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return foldSpace(parts.join(''));
}
