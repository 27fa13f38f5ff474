import { isCredential } from '../person.ts';
import { textOf } from '../dom/text.ts';
import type { Field, Person } from '../snapshot.ts';
import { attr, kid, kids, xmlRef } from './xml.ts';

/** Suffixes that are professional credentials rather than part of the name ("Jr.", "III"). */

/** A person name (PN) read as printed: given names then family; credentials split off. */
export function readName(nameEl: Element | undefined): { name: string; credentials: string[] } | undefined {
  if (!nameEl || attr(nameEl, 'nullFlavor')) return undefined;
  // A call-me name ("Patty") is not the name of record, unless it is the only given name.
  const allGiven = kids(nameEl, 'given');
  const formal = allGiven.filter((g) => attr(g, 'qualifier') !== 'CL');
  const given = (formal.length > 0 ? formal : allGiven).map(textOf);
  const family = kids(nameEl, 'family').map(textOf);
  const credentials: string[] = [];
  const suffixes: string[] = [];
  for (const suffixEl of kids(nameEl, 'suffix')) {
    const suffix = textOf(suffixEl);
    // qualifier AC marks an academic or professional suffix.
    if (attr(suffixEl, 'qualifier') === 'AC') {
      credentials.push(suffix);
      continue;
    }
    const parts = suffix.split(',').map((p) => p.trim()).filter(Boolean);
    if (parts.length > 0 && parts.every(isCredential)) credentials.push(...parts);
    else suffixes.push(suffix);
  }
  const structured = [...given, ...family].filter(Boolean);
  const name = structured.length > 0 ? [...structured, ...suffixes].join(' ') : textOf(nameEl);
  return name ? { name, credentials } : undefined;
}

/**
 * The person behind an `assignedAuthor` / `assignedEntity`: name and credentials from
 * assignedPerson/name, role from the participation's functionCode or the entity's code.
 * Undefined for devices and organisations.
 */
export function readPerson(assigned: Element | undefined, functionCode?: Element): Person | undefined {
  const nameEl = kid(kid(assigned, 'assignedPerson'), 'name');
  const read = readName(nameEl);
  if (!read || !nameEl) return undefined;
  const source = xmlRef(nameEl, read.name);
  const person: Person = { name: { value: read.name, source } };
  if (read.credentials.length > 0) person.credentials = { value: read.credentials.join(', '), source };
  const role = roleField(functionCode) ?? roleField(kid(assigned, 'code'));
  if (role) person.role = role;
  return person;
}

function roleField(codeEl: Element | undefined): Field | undefined {
  const value = attr(codeEl, 'displayName') ?? textOf(kid(codeEl, 'originalText'));
  return codeEl && value ? { value, source: xmlRef(codeEl, value) } : undefined;
}
