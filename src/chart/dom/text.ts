/** Text of a node as a reader sees it: whitespace folded, trimmed. */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  return foldSpace(node.textContent ?? '');
}

export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Quoted text is capped so a snapshot of a huge page stays small. */
export function quote(text: string, max = 300): string {
  const folded = foldSpace(text);
  return folded.length > max ? `${folded.slice(0, max - 1)}…` : folded;
}
