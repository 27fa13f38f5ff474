import type { Field, Person, SourceRef } from './snapshot.ts';
import { CREDENTIALS } from './vocabulary.ts';

/** True for one professional credential as printed ("MD", "M.D.", "PA-C"): vocabulary/credentials.json, the one list every reader uses. */
export function isCredential(word: string): boolean {
  const bare = word.replace(/[.,]/g, '').trim();
  return bare.length > 0 && CREDENTIALS.lookup(bare) !== undefined;
}

/**
 * Splits "Samuel Okafor, MD" into a name and its credentials. Text that carries no
 * credentials keeps the whole string as the name.
 */
export function parsePerson(text: string, source: SourceRef): Person {
  // "Vanterpool MD, Gideon" (surname, credential, given names), as some EHRs list people.
  const inner = /^([A-Z][A-Za-z'-]+(?:[ -][A-Z][A-Za-z'-]+)?)\s+((?:[A-Za-z./-]+,?\s*){1,3}?),\s*([A-Z][A-Za-z'. -]+)$/.exec(text.trim());
  if (inner && inner[2]!.split(/[\s,]+/).filter(Boolean).every(isCredential)) {
    return { name: field(`${inner[1]}, ${inner[3]}`, source), credentials: field(inner[2]!.split(/[\s,]+/).filter(Boolean).join(', '), source) };
  }
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  const credentials: string[] = [];
  while (parts.length > 1 && isCredential(parts[parts.length - 1]!)) {
    credentials.unshift(parts.pop()!);
  }
  const person: Person = { name: field(parts.join(', '), source) };
  if (credentials.length > 0) person.credentials = field(credentials.join(', '), source);
  return person;
}

function field(value: string, source: SourceRef): Field {
  return { value, source };
}
