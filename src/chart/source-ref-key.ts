import type { SourceRef } from './snapshot.ts';

/** Two SourceRefs with the same key point at the same place with the same text (any frame, shadow tree). */
export function sourceRefKey(ref: SourceRef): string {
  return [ref.selector, ref.xpath, ref.pointer, ref.frame, ref.shadowHosts?.join(' / '), ref.text].map((part) => part ?? '').join('|');
}

/** The refs without repeats, first occurrence kept. */
export function uniqueRefs(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = sourceRefKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
