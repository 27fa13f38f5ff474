import { isDocumentTitle } from '../document-kind.ts';
import { DOCUMENT_LABELS, SIGNATURE_STATUSES } from '../vocabulary.ts';
import { pairsFromText } from './label-value.ts';
import { smallTextOf } from './text.ts';
import { closestWhere, type Found, type Line, type PageScan } from './page-scan.ts';
import { looksLikeSignatureLine, parseSignatureLine } from './signature-line.ts';

/**
 * Notes shown as a list of alike elements: cards, accordion items, `div.note` after `div.note`,
 * each with a title and a signature or status. A modern EHR renders every note with one
 * component, so the note's element repeats among its siblings with one tag and class; that
 * repetition (not any one EHR's class names) marks each as a document of its own, read like an
 * `article`.
 */

interface Evidence {
  lines: number;
  characters: number;
  /** Lines that sign or give a signature status. */
  signatures: number;
  /** Lines that read as a document's title. */
  titles: number;
  /** Index of the member's first line in the scan, and whether a title comes within its first three. */
  first: number;
  titledEarly: boolean;
}

const MAX_DEPTH = 10;
const SKIP = new Set(['tr', 'td', 'th', 'tbody', 'thead', 'table', 'body', 'html', 'option', 'dt', 'dd']);

export function repeatedBlocks(scan: PageScan): Found[] {
  const evidence = new Map<Element, Evidence>();
  const groups = new Map<Element, Map<string, Set<Element>>>();
  scan.lines.forEach((line, index) => {
    // A table cell is no card (tables are read by the grid readers).
    if (SKIP.has(line.el.localName.toLowerCase())) return;
    const signs = isSignatureish(line);
    const title = isTitleish(line);
    let el: Element | null = line.el;
    for (let depth = 0; el && depth < MAX_DEPTH; depth++, el = el.parentElement) {
      const parent: Element | null = el.parentElement;
      if (!parent || SKIP.has(el.localName.toLowerCase())) continue;
      let e = evidence.get(el);
      if (!e) {
        e = { lines: 0, characters: 0, signatures: 0, titles: 0, first: index, titledEarly: false };
        evidence.set(el, e);
        const key = keyOf(el);
        let byKey = groups.get(parent);
        if (!byKey) groups.set(parent, (byKey = new Map<string, Set<Element>>()));
        let members = byKey.get(key);
        if (!members) byKey.set(key, (members = new Set<Element>()));
        members.add(el);
      }
      if (e.lines < 3 && title) e.titledEarly = true;
      e.lines++;
      e.characters += line.text.length;
      if (signs) e.signatures++;
      if (title) e.titles++;
    }
  });
  const qualifies = (el: Element) => {
    const e = evidence.get(el)!;
    return e.lines >= 2 && e.characters >= 40 && e.signatures >= 1 && e.titles <= 1 && e.titledEarly;
  };
  const chosen: Element[][] = [];
  for (const byKey of groups.values()) {
    for (const members of byKey.values()) {
      if (members.size < 2) continue;
      const good = [...members].filter(qualifies);
      if (good.length >= 2 && good.length * 2 >= members.size) chosen.push(good);
    }
  }
  // Outermost groups only: a card's own repeated rows are parts of the card.
  const all = new Set(chosen.flat());
  const blocks = chosen.filter((group) => !group.some((el) => hasAncestorIn(el, all)));
  const ctxOf = new Map(scan.lines.map((l) => [l.el, l.ctx]));
  return blocks.flat()
    .sort((a, b) => evidence.get(a)!.first - evidence.get(b)!.first)
    .map((el) => ({ el, ctx: ctxOf.get(el) ?? scan.lines[evidence.get(el)!.first]!.ctx }));
}

function keyOf(el: Element): string {
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && !/\b(selected|active|open|sel|expanded|collapsed|odd|even|first|last)\b/i.test(c)).sort();
  return `${el.localName.toLowerCase()}.${classes.join('.')}[${el.getAttribute('role') ?? ''}]`;
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) if (set.has(node)) return true;
  return false;
}

function isSignatureish(line: Line): boolean {
  if (looksLikeSignatureLine(line.text) && parseSignatureLine(line.text, { text: line.text })) return true;
  if (line.text.length <= 30 && SIGNATURE_STATUSES.lookup(line.text)) return true;
  // Chips are leaves: a child holding more (a nested block) is not one, and its text may be the page's.
  return [...line.el.children].some((c) => {
    const t = smallTextOf(c) ?? '';
    return t.length > 0 && t.length <= 30 && SIGNATURE_STATUSES.lookup(t) !== undefined;
  });
}

/** An accordion's header button or a `summary`: a note's title bar. */
const TITLE_BAR = (node: Element) => node.localName.toLowerCase() === 'summary' || (node.localName.toLowerCase() === 'button' && node.hasAttribute('aria-expanded'));

function isTitleish(line: Line): boolean {
  if (line.text.length > 120) return false;
  if (pairsFromText(line.text, line.el).some((p) => ['title', 'type'].includes(DOCUMENT_LABELS.lookup(p.label) ?? ''))) return true;
  const tag = line.el.localName.toLowerCase();
  const first = smallTextOf(line.el.firstElementChild) ?? line.text;
  return (/^h[1-6]$/.test(tag) || line.el.getAttribute('role') === 'heading' || closestWhere(line.el, TITLE_BAR, 6) !== null)
    ? true
    : isDocumentTitle(first) || isDocumentTitle(line.text.replace(/\s*[-–—|·]\s*.*$/, ''));
}
