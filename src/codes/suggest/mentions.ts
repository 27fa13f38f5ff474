/**
 * Mention finding: every diagnosis phrase of the chart's diagnosis passages, mapped to its code
 * through the compiled lexicon, with its context (affirmed, negated, historical, family,
 * uncertain) and the sentence it stands in.
 */
import type { ChartSnapshot } from '../../chart/snapshot.ts';
import { contextOf } from './context.ts';
import type { PhraseIndex } from './phrase-index.ts';
import { diagnosisPassages, type Passage } from './passages.ts';
import { tokenize } from './tokens.ts';
import type { Mention } from './types.ts';

/** Mentions in one passage. */
export function mentionsIn(passage: Passage, lexicon: PhraseIndex): Mention[] {
  const tokens = tokenize(passage.text);
  return lexicon.matches(tokens).map((m) => {
    const phrase = passage.text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end);
    const found = contextOf(tokens, m.start, m.end, passage.text);
    // A resolved problem-list entry is a past condition whatever its words say.
    const context = found.context === 'affirmed' && passage.historical ? { context: 'historical' as const, trigger: 'status resolved' } : found;
    return { code: m.code, phrase, source: passage.source, where: passage.where, ...context, ...(passage.at ? { at: passage.at } : {}) };
  });
}

/** Every mention in the chart's diagnosis passages, in chart order. */
export function findMentions(snapshot: ChartSnapshot, lexicon: PhraseIndex): Mention[] {
  return diagnosisPassages(snapshot).flatMap((p) => mentionsIn(p, lexicon));
}
