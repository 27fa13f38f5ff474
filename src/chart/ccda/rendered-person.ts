import { isCredential } from '../person.ts';
import { foldSpace } from '../dom/text.ts';
import type { Person, SourceRef } from '../snapshot.ts';


/**
 * A person as CDA.xsl prints one: "Legal: Eve EVERYWOMAN", "Dr Henry SEVEN", "Patricia Patty
 * PRIMARY M.D.", "Nurse NIGHTINGALE RN of Good Health Hospital". The name-use label, a title
 * and the organisation are dropped; trailing credentials are split off.
 */
export function renderedPerson(text: string, source: SourceRef): Person | undefined {
  const cleaned = foldSpace(text)
    .replace(/^[A-Za-z ]+:\s+/, '')
    .replace(/\s+of\s+.+$/, '')
    .replace(/^(Dr|Mr|Mrs|Ms|Miss)\.?\s+/i, '');
  const words = cleaned.split(' ').filter(Boolean);
  const credentials: string[] = [];
  while (words.length > 1 && isCredential(words[words.length - 1]!)) credentials.unshift(words.pop()!);
  if (words.length === 0) return undefined;
  const person: Person = { name: { value: words.join(' '), source } };
  if (credentials.length > 0) person.credentials = { value: credentials.join(', '), source };
  return person;
}
