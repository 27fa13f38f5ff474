import { refOf } from '../dom/source-ref.ts';
import { foldSpace } from '../dom/text.ts';
import type { Section } from '../snapshot.ts';

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The sections CDA.xsl renders (`div.section` with a heading and a `div.section-body`), each
 * with its own text only. The heading's `title` attribute holds the section's LOINC code when
 * the XML gave one, else its title again. A nonXMLBody shown as a `data:text/plain` iframe
 * becomes one section with the decoded text.
 */
export function renderedSections(document: Document, warnings: string[]): Section[] {
  const sections = Array.from(document.querySelectorAll('#documentbody div.section')).flatMap((div): Section[] => {
    const heading = div.querySelector(':scope > div.section-title > h1, :scope > div.section-title > h2, :scope > div.section-title > h3, :scope > div.section-title > h4, :scope > div.section-title > h5, :scope > div.section-title > h6');
    const body = div.querySelector(':scope > div.section-content > div.section-body');
    const title = foldSpace(heading?.textContent ?? '') || 'Untitled section';
    const text = blockText(body);
    const section: Section = { title, text, source: refOf(body ?? div, undefined, text || title) };
    const code = heading?.getAttribute('title') ?? '';
    if (/^\d{1,7}-\d$/.test(code)) section.code = code;
    return [section];
  });
  if (sections.length > 0) return sections;
  const frame = document.querySelector('#documentbody iframe');
  const src = frame?.getAttribute('src') ?? '';
  const plain = /^data:text\/plain(?:;[^,]*)?;base64,(.*)$/s.exec(src);
  if (frame && plain) {
    const text = decode(plain[1]!);
    return [{ title: 'Document body', text, source: refOf(frame, undefined, text || 'Document body') }];
  }
  if (frame) warnings.push(`The document body is an embedded file (${src.startsWith('data:') ? src.slice(0, src.indexOf(',')) : src}) that was not read.`);
  return [];
}

function blockText(el: Element | null): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        // A subsection is rendered inside its parent's body; it is a section of its own.
        if ((child as Element).classList.contains('section')) continue;
        const block = BLOCKS.has((child as Element).localName.toLowerCase());
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(el);
  return foldSpace(parts.join(''));
}

function decode(base64: string): string {
  try {
    const binary = atob(decodeURIComponent(base64).replace(/\s+/g, ''));
    const text = new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
    return text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  } catch {
    return '';
  }
}
