/**
 * Mention finding: every diagnosis phrase of the chart's diagnosis passages, mapped to its code
 * through the compiled lexicon, with its context (affirmed, negated, historical, family,
 * uncertain) and the sentence it stands in.
 */
import type { ChartSnapshot } from '../../chart/snapshot.ts';
import { contextOf } from './context.ts';
import { codesOf } from './lexicon.ts';
import type { PhraseIndex } from './phrase-index.ts';
import { diagnosisPassages, type Passage } from './passages.ts';
import { tokenize } from './tokens.ts';
import type { Mention } from './types.ts';

/** What a sentence's words say, before it is placed in the chart: code, phrase and context. */
type Found = Pick<Mention, 'code' | 'phrase' | 'context' | 'trigger'>;

/**
 * The words of a sentence read once per lexicon: the same sentence is read again for statuses
 * and history, and at every keystroke for each note not edited. Bounded; cleared whole when full.
 */
const READ = new WeakMap<PhraseIndex, Map<string, readonly Found[]>>();
const MAX_READ = 50_000;

function read(text: string, lexicon: PhraseIndex): readonly Found[] {
  let memo = READ.get(lexicon);
  if (!memo) READ.set(lexicon, (memo = new Map<string, readonly Found[]>()));
  const hit = memo.get(text);
  if (hit) return hit;
  const tokens = tokenize(text, true);
  const found = lexicon.matches(tokens).flatMap((m) => {
    const phrase = text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end);
    const context = contextOf(tokens, m.start, m.end, text);
    // A phrase that names two conditions ("Alzheimer's dementia") is a mention of each.
    return codesOf(m.code).map((code) => ({ code, phrase, ...context }));
  });
  if (memo.size >= MAX_READ) memo.clear();
  memo.set(text, found);
  return found;
}

/** Mentions in one passage. */
export function mentionsIn(passage: Passage, lexicon: PhraseIndex): Mention[] {
  return read(passage.text, lexicon).map((f) => {
    // A refuted coded entry is no condition, and a resolved problem-list entry a past one, whatever the words say.
    const context = passage.negated
      ? { context: 'negated' as const, trigger: 'status refuted' }
      : f.context === 'affirmed' && passage.historical
        ? { context: 'historical' as const, trigger: 'status resolved' }
        : { context: f.context, ...(f.trigger !== undefined ? { trigger: f.trigger } : {}) };
    return { code: f.code, phrase: f.phrase, source: passage.source, where: passage.where, ...context, ...(passage.at ? { at: passage.at } : {}) };
  });
}

/** Every mention in the chart's diagnosis passages, in chart order. */
export function findMentions(snapshot: ChartSnapshot, lexicon: PhraseIndex): Mention[] {
  return diagnosisPassages(snapshot).flatMap((p) => mentionsIn(p, lexicon));
}
