/**
 * Personal-history codes (Section I.C.21.c.4): a condition documented as history ("history of
 * PE", "s/p MI") gives its history code (lexicon.json `history.map`); an event listed in a past
 * medical or surgical history section is history by nature (`fromPastHistory`); a past cancer
 * gives its Z85 code only when excised or eradicated with no treatment still directed to it
 * (`malignancies`, `eradicated`, `treated`; Section I.C.2.d); a past stroke with residual
 * deficits is a sequela (I69.-), not Z86.73 (`residuals`).
 */
import { normalizeCode } from '../code-format.ts';
import type { CodeTable } from '../table.ts';
import { contextOf } from './context.ts';
import { expandTemplate, historyCodeFor } from './lexicon.ts';
import lexiconJson from './lexicon.json';
import { mentionsIn } from './mentions.ts';
import type { Passage } from './passages.ts';
import { PhraseIndex } from './phrase-index.ts';
import { tokenize, wordsOf, type Token } from './tokens.ts';
import type { Mention } from './types.ts';

interface HistoryFile {
  fromPastHistory: string[];
  malignancies: { phrases: string[]; code: string; slots: Record<string, Record<string, string>>; others: Record<string, string> };
  eradicated: string[];
  treated: string[];
  residuals: { prefixes: string[]; words: string[] };
}
const HISTORY = (lexiconJson as unknown as { history: HistoryFile }).history;
const NEGATION = new Set(['no', 'without', 'denies', 'not', 'none']);

function phraseSet(phrases: readonly string[]): PhraseIndex {
  const index = new PhraseIndex();
  for (const p of phrases) index.add(wordsOf(p), 'x');
  return index;
}
let built: { cancers: PhraseIndex; eradicated: PhraseIndex; treated: PhraseIndex; residuals: PhraseIndex } | undefined;
function sets(): NonNullable<typeof built> {
  if (!built) {
    const cancers = new PhraseIndex();
    const { others, ...template } = HISTORY.malignancies;
    for (const { phrase, code } of expandTemplate(template)) cancers.add(wordsOf(phrase), normalizeCode(code));
    for (const [phrase, code] of Object.entries(others)) cancers.add(wordsOf(phrase), normalizeCode(code), true);
    built = { cancers, eradicated: phraseSet(HISTORY.eradicated), treated: phraseSet(HISTORY.treated), residuals: phraseSet(HISTORY.residuals.words) };
  }
  return built;
}

/** True when a word of `index` stands in the tokens, not just after a negation ("no residual deficits"). */
function affirmedWord(index: PhraseIndex, tokens: readonly Token[]): boolean {
  return index.matches(tokens).some((m) => !tokens.slice(Math.max(0, m.start - 3), m.start).some((t) => NEGATION.has(t.word)));
}

/** A history code with the mention it rests on. */
export interface HistoryMention extends Mention {
  /** The condition's code the history stands for (before mapping to its history code). */
  condition: string;
}

/**
 * The history-code mentions of these passages: `historical` mentions of conditions with a history
 * code, and past cancers under the malignancy rule. `pastHistory` passages are a past medical or
 * surgical history section, where only `fromPastHistory` conditions count.
 */
export function historyMentions(mentions: readonly Mention[], pastHistory: readonly Passage[], cancerPassages: readonly Passage[], lexicon: PhraseIndex, table: CodeTable): HistoryMention[] {
  const past = pastHistory.flatMap((p) => mentionsIn({ ...p, historical: true }, lexicon)).filter((m) => HISTORY.fromPastHistory.some((pre) => m.code.startsWith(normalizeCode(pre))));
  const out: HistoryMention[] = [];
  for (const m of [...mentions.filter((x) => x.context === 'historical'), ...past]) {
    const h = historyCodeFor(m.code);
    if (!h || !table.get(h)?.billable) continue;
    if (HISTORY.residuals.prefixes.some((p) => m.code.startsWith(normalizeCode(p))) && affirmedWord(sets().residuals, tokenize(m.source.text))) continue;
    out.push({ ...m, condition: m.code, code: h });
  }
  const { cancers, eradicated, treated } = sets();
  for (const p of cancerPassages) {
    const tokens = tokenize(p.text);
    for (const m of cancers.matches(tokens)) {
      const found = contextOf(tokens, m.start, m.end, p.text);
      const historical = found.context === 'historical' || (found.context === 'affirmed' && p.historical === true);
      if (!historical || !table.get(m.code)?.billable) continue;
      if (treated.matches(tokens).length > 0 || eradicated.matches(tokens).length === 0) continue;
      const phrase = p.text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end);
      out.push({ code: m.code, condition: m.code, phrase, source: p.source, where: p.where, context: 'historical', trigger: found.trigger ?? 'past history', ...(p.at ? { at: p.at } : {}) });
    }
  }
  return out;
}
