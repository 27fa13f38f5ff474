import type { Field } from '../snapshot.ts';
import { foldSpace } from '../dom/text.ts';
import { originalTextReference } from './code-systems.ts';
import type { NarrativeIndex } from './narrative.ts';
import { attr, kid, xmlRef } from './xml.ts';

/**
 * The words of a coded entry as the author wrote them: the narrative its originalText or text
 * reference points at, else the originalText itself, else the code's displayName. The source
 * is the narrative element when resolved, so a highlight lands on the human-readable text.
 */
export function entryText(entry: Element, coded: Element | undefined, narrative: NarrativeIndex): Field | undefined {
  const references = [originalTextReference(coded), attr(kid(kid(entry, 'text'), 'reference'), 'value')];
  for (const reference of references) {
    const target = narrative.element(reference);
    const text = narrative.text(reference);
    if (target && text) return { value: text, source: xmlRef(target, text) };
  }
  const original = kid(coded, 'originalText');
  const own = foldSpace(original?.textContent ?? '');
  if (original && own) return { value: own, source: xmlRef(original, own) };
  const display = attr(coded, 'displayName');
  if (coded && display) return { value: display, source: xmlRef(coded, display) };
  return undefined;
}
