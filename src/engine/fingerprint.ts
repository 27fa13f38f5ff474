/** FNV-1a, 32-bit, over UTF-16 code units: small, pure and stable across runs and browsers. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A finding's identity across reloads: the rule, the item and the first piece of evidence (what
 * the finding is about, e.g. the note's title). Later evidence may change as the user types.
 */
export function fingerprintOf(pack: string, rule: string, subject: string, identifyingText: string | undefined): string {
  const key = [pack, rule, subject, identifyingText ?? ''].join('\u0000');
  // Two hashes with different seeds-by-prefix give 64 bits, enough for a chart's findings.
  return fnv1a(key) + fnv1a(`#${key}`);
}
