/**
 * What may come before an XML document's root element, scanned by hand: regular expressions
 * over a run of comments backtrack badly on files that open with many of them (the HL7
 * examples do), and this is read for every file.
 */

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Just past a `<!-- … -->` at `i`, or -1. */
function pastComment(text: string, i: number): number {
  if (!text.startsWith('<!--', i)) return -1;
  const end = text.indexOf('-->', i + 4);
  return end < 0 ? -1 : end + 3;
}

/** Where the root element starts: after whitespace, comments, processing instructions and a doctype. */
export function prologEnd(text: string): number {
  let i = 0;
  for (;;) {
    i = skipSpace(text, i);
    const comment = pastComment(text, i);
    if (comment >= 0) {
      i = comment;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return i;
      i = end + 2;
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      const gt = text.indexOf('>', i);
      const subset = text.indexOf('[', i);
      const close = subset >= 0 && subset < gt ? text.indexOf(']', subset) : -1;
      const end = close >= 0 ? text.indexOf('>', close) : gt;
      if (end < 0) return i;
      i = end + 1;
    } else {
      return i;
    }
  }
}

/** An `<?xml …?>` declaration after blank space or comments (it is only allowed first): its start and end. */
export function lateDeclaration(text: string): { start: number; end: number } | undefined {
  let i = 0;
  for (;;) {
    i = skipSpace(text, i);
    const comment = pastComment(text, i);
    if (comment < 0) break;
    i = comment;
  }
  if (i === 0 || !/^<\?xml\s/.test(text.slice(i, i + 6))) return undefined;
  const end = text.indexOf('?>', i);
  return end < 0 ? undefined : { start: i, end: end + 2 };
}
