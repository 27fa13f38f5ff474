import { describe, expect, it } from 'vitest';
import { compileVocabulary, VOCABULARY_ERRORS, VOCABULARY_FILES } from '../../../src/chart/vocabulary.ts';

/** Every wording in the EHR vocabularies reads as its entry says, and no entry is broken. */
describe('EHR vocabularies', () => {
  it('all compile', () => {
    expect(VOCABULARY_ERRORS).toEqual([]);
  });

  const cases = Object.entries(VOCABULARY_FILES).flatMap(([name, file]) =>
    (['entries', 'cosign', 'statements', 'notSigners'] as const).flatMap((list) => {
      const entries = file[list] ?? [];
      const vocabulary = compileVocabulary(name, file, entries);
      return entries.flatMap((entry) => [
        ...(entry.examples ?? []).map((text) => ({ name, text, means: entry.means, want: true, vocabulary })),
        ...(entry.counterExamples ?? []).map((text) => ({ name, text, means: entry.means, want: false, vocabulary })),
      ]);
    }),
  );

  it('has an example for every entry', () => {
    for (const [name, file] of Object.entries(VOCABULARY_FILES)) {
      for (const entry of [...file.entries, ...(file.cosign ?? []), ...(file.statements ?? []), ...(file.notSigners ?? [])]) expect(entry.examples?.length ?? 0, `${name}: ${entry.means}`).toBeGreaterThan(0);
    }
  });

  it.each(cases)('$name: "$text" → $means ($want)', ({ text, means, want, vocabulary }) => {
    expect(vocabulary.lookup(text) === means).toBe(want);
  });

  it('names the file and entry of a broken pattern, and keeps the others', () => {
    const v = compileVocabulary('test', { match: 'whole', entries: [{ means: 'a', pattern: '(' }, { means: 'b', pattern: 'mrn' }] });
    expect(v.errors).toHaveLength(1);
    expect(v.errors[0]).toMatch(/^vocabulary\/test\.json, entry 1 \("a"\): /);
    expect(v.lookup('MRN:')).toBe('b');
  });
});
