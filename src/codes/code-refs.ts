/**
 * Code references inside instructional notes, e.g. "(N18.1-N18.6)", "(I12.-, I13.-)",
 * "(E08.22, E09.22)", "(T20-T32)". A reference covers a code and everything below it, or a
 * range of categories/subcategories; a trailing ".-" or "-" means "all subdivisions".
 */
import { normalizeCode } from './code-format.ts';

/** A code (and its subdivisions), or an inclusive range compared on the leading characters. */
export interface CodeRef {
  from: string;
  /** Present for ranges: codes whose leading characters lie between `from` and `to`. */
  to?: string;
}

const CODE = String.raw`[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?`;
const RANGE_RE = new RegExp(String.raw`^(${CODE})\.?-?\s*-\s*(${CODE})\.?-?$`);
const SINGLE_RE = new RegExp(String.raw`^(${CODE})\.?-?$`);

/** Every code reference in the parenthesised groups of a note's text. */
export function parseCodeRefs(text: string): CodeRef[] {
  const refs: CodeRef[] = [];
  for (const group of text.matchAll(/\(([^()]*)\)/g)) {
    for (const rawPart of (group[1] ?? '').split(/,|\band\b/)) {
      const part = rawPart.trim();
      const range = RANGE_RE.exec(part);
      if (range?.[1] && range[2]) {
        refs.push({ from: normalizeCode(range[1]), to: normalizeCode(range[2]) });
        continue;
      }
      const single = SINGLE_RE.exec(part);
      if (single?.[1]) refs.push({ from: normalizeCode(single[1]) });
    }
  }
  return refs;
}

/** True when `code` (normalized) falls under the reference. */
export function refMatches(ref: CodeRef, code: string): boolean {
  if (ref.to === undefined) return code.startsWith(ref.from);
  return code.slice(0, ref.from.length) >= ref.from && code.slice(0, ref.to.length) <= ref.to;
}

/** Short text form, as in the tabular list: N18.1-N18.6, S78.- */
export function refText(ref: CodeRef): string {
  const show = (c: string): string => (c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c);
  return ref.to === undefined ? show(ref.from) : `${show(ref.from)}-${show(ref.to)}`;
}
