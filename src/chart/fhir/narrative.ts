import { foldSpace } from '../dom/text.ts';

/**
 * The text of a FHIR Narrative's XHTML `div`, without markup. Parsing it with a DOM would
 * be heavier and, in an extension page, would build nodes from chart data; tags are simply
 * dropped (cells and paragraphs kept apart) and the few common entities decoded.
 */
export function narrativeToText(xhtml: string): string {
  const text = xhtml
    .replace(/<(br|\/p|\/div|\/td|\/th|\/tr|\/li|\/h\d)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return foldSpace(text);
}
