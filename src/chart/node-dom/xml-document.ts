import { DOMParser, Node as XmlNode, ParseError } from '@xmldom/xmldom';
import { lateDeclaration } from './prolog.ts';
import { UnreadableFileError } from './unreadable-file.ts';

/**
 * Prefixes that C-CDA files use without declaring them (the HL7 examples' fragments do, and so
 * do vendors): `xsi:type` on every coded value, `sdtc:` extensions. A browser's parser flags
 * them and stops; the meaning is not in doubt, so they are assumed.
 */
const ASSUMED_NAMESPACES = { xsi: 'http://www.w3.org/2001/XMLSchema-instance', sdtc: 'urn:hl7-org:sdtc' };

/** The XML document the adapters read, and the recoverable errors met on the way. */
export interface ParsedXml {
  document: Document;
  errors: string[];
}

/**
 * Node only: parses XML with @xmldom/xmldom, a conforming XML parser (CDATA holding `<`, entity
 * and namespace handling as the spec says; happy-dom's XML parser rejects the first), far
 * faster and smaller than a browser-like window. Its documents lack a few element-traversal
 * members, added once here with their standard meaning, so the adapters read them unchanged
 * through the same DOM API as in the browser. A document that is not well-formed throws an
 * UnreadableFileError naming where and why.
 */
export function parseXml(text: string): ParsedXml {
  addElementTraversal();
  const errors: string[] = [];
  const parser = new DOMParser({
    xmlns: ASSUMED_NAMESPACES,
    onError: (level, message) => {
      if (level === 'error') errors.push(oneLine(message));
    },
  });
  try {
    const document = parser.parseFromString(withEarlyDeclaration(text), 'text/xml') as unknown as Document;
    return { document, errors };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const { lineNumber, columnNumber } = (error.locator ?? {}) as { lineNumber?: number; columnNumber?: number };
    const where = lineNumber ? `line ${lineNumber}${columnNumber ? `, column ${columnNumber}` : ''}: ` : '';
    throw new UnreadableFileError(`is not well-formed XML (${where}${inWords(error.message)})`);
  }
}

/** A declaration is only allowed first; one after a comment or blank lines is blanked out (same length, so error positions hold). */
function withEarlyDeclaration(text: string): string {
  const late = lateDeclaration(text);
  return late ? text.slice(0, late.start) + ' '.repeat(late.end - late.start) + text.slice(late.end) : text;
}

/** The parser's DOM-construction errors, said the way the XML spec would. */
const DOM_ERRORS: [RegExp, string][] = [
  [/NamespaceError: prefix is non-null and namespace is null/, 'a namespace prefix is used without being declared'],
  [/HierarchyRequestError: Only one element/, 'more than one root element'],
];

function inWords(message: string): string {
  const known = DOM_ERRORS.find(([pattern]) => pattern.test(message));
  return known ? known[1] : oneLine(message.replace(/^Error constructing the DOM: /, ''));
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

let traversalAdded = false;

/** firstElementChild, lastElementChild, nextElementSibling, previousElementSibling (DOM §4.2.6, §4.2.7). */
function addElementTraversal(): void {
  if (traversalAdded) return;
  traversalAdded = true;
  type Linked = { firstChild: Linked | null; lastChild: Linked | null; nextSibling: Linked | null; previousSibling: Linked | null; nodeType: number };
  const element = (start: Linked | null, step: (n: Linked) => Linked | null): Linked | null => {
    let node = start;
    while (node && node.nodeType !== 1) node = step(node);
    return node;
  };
  const members: Record<string, (this: Linked) => Linked | null> = {
    firstElementChild() { return element(this.firstChild, (n) => n.nextSibling); },
    lastElementChild() { return element(this.lastChild, (n) => n.previousSibling); },
    nextElementSibling() { return element(this.nextSibling, (n) => n.nextSibling); },
    previousElementSibling() { return element(this.previousSibling, (n) => n.previousSibling); },
  };
  const proto = XmlNode.prototype as object;
  for (const [name, get] of Object.entries(members)) {
    if (!(name in proto)) Object.defineProperty(proto, name, { get, configurable: true });
  }
}
