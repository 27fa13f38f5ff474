import { kindFromTitle } from '../document-kind.ts';
import type { ChartDocument } from '../snapshot.ts';
import { readDocumentLines, titleParts } from './document-segments.ts';
import { isInside, renderedParent, type Found, type Line, type PageScan } from './page-scan.ts';

/**
 * The documents a page wraps in elements of their own (`article`, role=article): each is read
 * from its own lines (title bar, header pairs, definition lists, signature lines, sections) by
 * the same reader as documents found in a stream of lines. Documents without such a wrapper
 * are found by `segmentDocuments`; the lines read here are returned as `owned`.
 */
export function findDocuments(scan: PageScan, warnings: string[]): { documents: { doc: ChartDocument; rank: number }[]; owned: Set<Line> } {
  const owned = new Set<Line>();
  // Innermost containers only: in walk order, a container holding another is followed by it.
  const containers = scan.containers.filter((c, i) => {
    const next = scan.containers[i + 1];
    return !next || next.ctx !== c.ctx || !isInside(next.el, c.el);
  });
  if (containers.length === 0) return { documents: [], owned };
  // One pass to give each container its lines and headings (filtering per container is quadratic).
  const byEl = new Map(containers.map((c) => [c.el, c]));
  const holderOf = (el: Element) => nearest(el, byEl);
  const linesOf = groupBy(scan.lines, (line) => holderOf(line.el));
  const headingsOf = groupBy(scan.headings, (heading) => holderOf(heading.el));
  const lineOfEl = new Map(scan.lines.map((l) => [l.el, l]));
  const documents = containers.flatMap((container, index) => {
    // From the scan rather than querySelectorAll, which recurses in happy-dom on deep pages.
    const found = headingsOf.get(container) ?? [];
    const lines = linesOf.get(container) ?? [];
    for (const line of lines) owned.add(line);
    const titleLine = (found[0] && lineOfEl.get(found[0].el)) ?? lines[0];
    if (!titleLine) return [];
    const { title, parts } = titleParts(titleLine);
    const doc = readDocumentLines({
      anchor: titleLine,
      title: title || `Document ${index + 1}`,
      parts,
      titleLine,
      lines: lines.filter((l) => l !== titleLine),
      ...(container.el.getAttribute('id') ? { id: container.el.getAttribute('id')! } : { id: `document-${index + 1}` }),
    }, index);
    if (!doc) return [];
    const typed = container.el.getAttribute('data-note-type');
    if (typed && doc.kind === 'other') doc.kind = kindFromTitle(typed);
    if (doc.signature.status === 'unknown') warnings.push(`No signature line found on "${doc.title.value}".`);
    return [{ doc, rank: scan.lines.indexOf(lines[0]!) }];
  });
  return { documents, owned };
}

function groupBy<T>(items: T[], key: (item: T) => Found | undefined): Map<Found, T[]> {
  const groups = new Map<Found, T[]>();
  for (const item of items) {
    const holder = key(item);
    if (!holder) continue;
    const group = groups.get(holder);
    if (group) group.push(item);
    else groups.set(holder, [item]);
  }
  return groups;
}

/** The nearest ancestor-or-self of `el` (as rendered: through slots and shadow hosts) that is a key of `byEl`, within 200 levels. */
function nearest(el: Element, byEl: Map<Element, Found>): Found | undefined {
  let node: Element | null = el;
  for (let i = 0; node && i <= 200; i++, node = renderedParent(node)) {
    const found = byEl.get(node);
    if (found) return found;
  }
  return undefined;
}
