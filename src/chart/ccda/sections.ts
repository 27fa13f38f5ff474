import type { Section } from '../snapshot.ts';
import { foldSpace } from '../dom/text.ts';
import { narrativeText } from './narrative.ts';
import { attr, kid, kids, xmlRef } from './xml.ts';

/**
 * The document's sections in reading order: every structuredBody section, nested ones after
 * their parent, each with its own narrative only. A nonXMLBody becomes one section whose text
 * is the embedded plain text when there is one.
 */
export function readSections(doc: Element, warnings: string[]): Section[] {
  const body = kid(doc, 'component');
  const structured = kid(body, 'structuredBody');
  if (structured) {
    const sections: Section[] = [];
    for (const component of kids(structured, 'component')) collect(kid(component, 'section'), sections);
    return sections;
  }
  const nonXml = kid(body, 'nonXMLBody');
  if (nonXml) return nonXmlSection(nonXml, warnings);
  warnings.push('The document has no body (neither structuredBody nor nonXMLBody).');
  return [];
}

function collect(section: Element | undefined, into: Section[]): void {
  if (!section) return;
  const titleEl = kid(section, 'title');
  const code = attr(kid(section, 'code'), 'code');
  const title = foldSpace(titleEl?.textContent ?? '') || attr(kid(section, 'code'), 'displayName') || 'Untitled section';
  const textEl = kid(section, 'text');
  const text = narrativeText(textEl);
  const result: Section = { title, text, source: xmlRef(textEl ?? section, text || title) };
  if (code) result.code = code;
  into.push(result);
  for (const component of kids(section, 'component')) collect(kid(component, 'section'), into);
}

function nonXmlSection(nonXml: Element, warnings: string[]): Section[] {
  const textEl = kid(nonXml, 'text');
  const media = attr(textEl, 'mediaType') ?? 'text/plain';
  const reference = attr(kid(textEl, 'reference'), 'value');
  let text = '';
  if (reference) {
    warnings.push(`The document body is an external file (${reference}) that was not read.`);
  } else if (/^text\/plain/i.test(media)) {
    const raw = textEl?.textContent ?? '';
    text = attr(textEl, 'representation') === 'B64' ? decodeBase64(raw, warnings) : raw;
  } else {
    warnings.push(`The document body is embedded ${media}; its text was not read.`);
  }
  const folded = text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  return [{ title: 'Document body', text: folded, source: xmlRef(textEl ?? nonXml, folded || media) }];
}

function decodeBase64(raw: string, warnings: string[]): string {
  try {
    const binary = atob(raw.replace(/\s+/g, ''));
    return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    warnings.push('The embedded plain-text body is not valid base64.');
    return '';
  }
}
