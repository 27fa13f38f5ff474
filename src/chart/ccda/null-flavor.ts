import { attr } from './xml.ts';

/** Where a C-CDA says "nothing here" for a whole list: the section, the entry, the concern act. */
const CONTAINERS = new Set(['section', 'entry', 'act', 'organizer']);

/**
 * True when an entry without a code is the author saying "none" (`nullFlavor`, e.g. NI "No
 * information" on a problem list that reads "No data") rather than an entry chartlint could not
 * read: the section, entry or act around it is nullFlavored, or the entry or its value is and
 * it has no words of its own (a nullFlavored code with words is a problem written uncoded).
 */
export function documentedAsNone(entry: Element, coded: Element | undefined, hasText: boolean): boolean {
  if (!hasText && (attr(entry, 'nullFlavor') || attr(coded, 'nullFlavor'))) return true;
  for (let el = entry.parentElement; el; el = el.parentElement) {
    if (CONTAINERS.has(el.localName) && attr(el, 'nullFlavor')) return true;
    if (el.localName === 'section') return false;
  }
  return false;
}
