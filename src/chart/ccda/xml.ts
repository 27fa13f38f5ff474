import type { SourceRef } from '../snapshot.ts';
import { quote } from '../dom/text.ts';

/**
 * Namespace-agnostic reading of C-CDA XML by local name.
 *
 * C-CDA files come with the HL7 namespace as default, under a `cda:` prefix, or (in stubbed
 * examples) with no namespace at all, and happy-dom's `getElementsByTagNameNS('*', …)` finds
 * nothing, so everything here matches `localName` on plain element children: the same code
 * then reads a browser's XMLDocument and happy-dom's.
 */

/** The element children of `el` named `name` (any namespace). */
export function kids(el: Element | undefined, name: string): Element[] {
  if (!el) return [];
  const found: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === name) found.push(child);
  }
  return found;
}

/** The first child of `el` named `name`. */
export function kid(el: Element | undefined, name: string): Element | undefined {
  if (!el) return undefined;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === name) return child;
  }
  return undefined;
}

/** Follows first children down a path of names: `at(doc, 'recordTarget', 'patientRole')`. */
export function at(el: Element | undefined, ...path: string[]): Element | undefined {
  let node = el;
  for (const name of path) node = kid(node, name);
  return node;
}

/** Every descendant of `root` (not root itself) named one of `names`, in document order. */
export function descendants(root: Element, names: ReadonlySet<string>): Element[] {
  return Array.from(root.getElementsByTagName('*')).filter((el) => names.has(el.localName));
}

/** An attribute's value, or undefined when absent or blank. */
export function attr(el: Element | undefined, name: string): string | undefined {
  const value = el?.getAttribute(name)?.trim();
  return value ? value : undefined;
}


/** Whether `el` declares the template `root` (any version). */
export function hasTemplate(el: Element, root: string): boolean {
  return kids(el, 'templateId').some((t) => t.getAttribute('root') === root);
}

/** The template roots `el` declares. */
export function templatesOf(el: Element): string[] {
  return kids(el, 'templateId').flatMap((t) => attr(t, 'root') ?? []);
}

/** Where `el` sits, as an XPath over local names with `[n]` only where siblings share a name. */
export function xpathOf(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const name = node.prefix && node.namespaceURI !== 'urn:hl7-org:v3' ? `${node.prefix}:${node.localName}` : node.localName;
    const { index, count } = position(node);
    steps.unshift(count > 1 ? `${name}[${index}]` : name);
  }
  return `/${steps.join('/')}`;
}

/**
 * A CSS selector for `el` in its XML document. Type selectors without a declared namespace
 * match any namespace, and XML is case-sensitive, so local names are kept as written.
 */
export function xmlSelectorOf(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const { index, count } = position(node);
    steps.unshift(count > 1 ? `${node.localName}:nth-of-type(${index})` : node.localName);
  }
  return steps.join(' > ');
}

function position(node: Element): { index: number; count: number } {
  const parent = node.parentElement;
  if (!parent) return { index: 1, count: 1 };
  let index = 0;
  let count = 0;
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib.localName !== node.localName || sib.namespaceURI !== node.namespaceURI) continue;
    count++;
    if (sib === node) index = count;
  }
  return { index, count };
}

/** A SourceRef for an element of the XML document. */
export function xmlRef(el: Element, text: string): SourceRef {
  return { xpath: xpathOf(el), selector: xmlSelectorOf(el), text: quote(text) };
}
