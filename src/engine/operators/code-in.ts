import type { OperatorDefinition } from './operator.ts';

/**
 * A code belongs to a set written as `SYSTEM:pattern` entries: an exact code (`CPT:47562`), a
 * prefix with `*` (`ICD-10-CM:E11*`), single characters with `?` (`ICD-10-PCS:0???0*`), or an
 * inclusive range of equal-length codes (`CPT:10004-35999`). Dots are ignored. The fact value
 * is a Code ({system, code}).
 */
export const codeIn: OperatorDefinition = {
  name: 'codeIn',
  description: 'the code is in the set (SYSTEM:code, prefix*, ?-wildcards or FROM-TO ranges)',
  acceptsFactValue: (v) => typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string',
  evaluate: (fact, set) => {
    const { system, code } = fact as { system?: string; code: string };
    const normalized = code.replace(/\./g, '').toUpperCase();
    return Array.isArray(set) && (set as string[]).some((entry) => entryMatches(entry, system ?? '', normalized));
  },
  checkValue: (set) =>
    Array.isArray(set) && set.every((e) => typeof e === 'string' && /^[^:]+:.+$/.test(e)) ? undefined : 'value must be a list of "SYSTEM:pattern" strings',
};

function entryMatches(entry: string, system: string, code: string): boolean {
  const colon = entry.indexOf(':');
  if (entry.slice(0, colon).toUpperCase() !== system.toUpperCase()) return false;
  const pattern = entry.slice(colon + 1).replace(/\./g, '').toUpperCase();
  const range = /^([A-Z0-9]+)-([A-Z0-9]+)$/.exec(pattern);
  if (range) {
    const [, from, to] = range as unknown as [string, string, string];
    const head = code.slice(0, from.length);
    return head.length === from.length && head >= from && head <= to;
  }
  const star = pattern.endsWith('*');
  const body = star ? pattern.slice(0, -1) : pattern;
  if (star ? code.length < body.length : code.length !== body.length) return false;
  for (let i = 0; i < body.length; i++) if (body[i] !== '?' && body[i] !== code[i]) return false;
  return true;
}
