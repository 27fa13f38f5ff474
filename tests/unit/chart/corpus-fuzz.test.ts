import { describe, expect, it } from 'vitest';
import { caseProblems, corpusPages, describeCase, fuzzCase, MUTATIONS } from './corpus-mutations.ts';

/**
 * The reading corpus, broken at random (corpus-mutations.ts), never makes extractFromDom throw,
 * and every snapshot round-trips through JSON, has the contract's shape, carries a coverage
 * report that agrees with its arrays, and quotes at most 300 characters per SourceRef.
 *
 * A case (happy-dom parse + full adapter chain) takes 60 ms on average on the idle 2-core
 * machine, and a few take seconds, so `npm test` runs 200 (every mutation alone once, then
 * random mixes) in about 12 s; `npm run fuzz` runs ten thousand and more. A failing random mix
 * reproduces with `npm run fuzz -- --seed N`; a pinned case from the page and mutation in its name.
 */

const pages = corpusPages();

/** Seeds of the random mixes here (`npm run fuzz` covers 1..10000 by default, these among them). */
const RANDOM_SEEDS = Array.from({ length: 186 }, (_, i) => i + 1);

describe('mutated corpus pages read without breaking', () => {
  it('has corpus pages to mutate', () => {
    expect(pages.length).toBeGreaterThanOrEqual(16);
  });

  // Each mutation alone, on pages taken in turn, so each kind of damage is met in every run.
  const pinned = MUTATIONS.map((m, i) => ({ mutation: m.name, page: pages[(i * 7) % pages.length]!.name, seed: 1_000 + i }));
  it.each(pinned)('$mutation on $page (seed $seed)', ({ mutation, page, seed }) => {
    const c = fuzzCase(seed, pages, { page, mutation });
    expect(c.html).not.toBe(pages.find((p) => p.name === page)!.html);
    expect(caseProblems(c), describeCase(c)).toEqual([]);
  });

  it.each(RANDOM_SEEDS)('random mix, seed %i', (seed) => {
    const c = fuzzCase(seed, pages);
    expect(caseProblems(c), describeCase(c)).toEqual([]);
  });
});
