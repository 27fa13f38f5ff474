import { parsePerson } from '../person.ts';
import type { Person } from '../snapshot.ts';
import { arr, obj, step, str } from './json.ts';
import type { ResourceIndex } from './resources.ts';

/** "Jane Roe" from a HumanName: its text, else given names and family. */
export function humanName(name: unknown): string | undefined {
  const n = obj(name);
  const text = str(n?.text);
  if (text) return text;
  const parts = [...arr(n?.given).flatMap((g) => str(g) ?? []), str(n?.family)].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The official name of a Patient or Practitioner, else its first; with its index. */
export function preferredName(resource: Record<string, unknown>): { name: unknown; index: number } | undefined {
  const names = arr(resource.name);
  const index = Math.max(0, names.findIndex((n) => obj(n)?.use === 'official'));
  return names.length > 0 ? { name: names[index], index } : undefined;
}

/**
 * The person a Reference names (author, attester party, requester, performer): the referenced
 * Practitioner's name with its suffixes as credentials when it is in the bundle, else the
 * reference's display text ("Jane Roe, MD").
 */
export function personAt(reference: unknown, pointer: string, index: ResourceIndex, role?: string): Person | undefined {
  let person: Person | undefined;
  const target = index.resolve(reference);
  const practitioner = target?.type === 'PractitionerRole' ? index.resolve(target.resource.practitioner) : target;
  if (practitioner?.type === 'Practitioner') {
    const chosen = preferredName(practitioner.resource);
    const name = chosen && humanName(chosen.name);
    if (chosen && name) {
      const suffixes = arr(obj(chosen.name)?.suffix).flatMap((s) => str(s) ?? []);
      const namePointer = step(step(practitioner.pointer, 'name'), chosen.index);
      person = parsePerson([name, ...suffixes].join(', '), { pointer: namePointer, text: [name, ...suffixes].join(', ') });
    }
  }
  const display = str(obj(reference)?.display);
  if (!person && display) person = parsePerson(display, { pointer: step(pointer, 'display'), text: display });
  if (person && role) person.role = { value: role, source: person.name.source };
  return person;
}
