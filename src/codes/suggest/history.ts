/**
 * Personal-history codes (Section I.C.21.c.4): a condition documented as history ("history of
 * PE", "s/p MI") gives its history code (lexicon.json `history.map`); an event listed in a past
 * medical or surgical history section is history by nature (`fromPastHistory`); a past cancer
 * gives its Z85 code only when excised or eradicated with no treatment still directed to it
 * (`malignancies`, `eradicated`, `treated`; Section I.C.2.d); a past stroke with residual
 * deficits is a sequela (I69.-), not Z86.73 (`residuals`), coded by deficit, side and
 * dominance (`sequelae`; Section I.C.9.d, I.C.6.a).
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

interface Sequelae {
  events: Record<string, string>;
  deficits: { words: string[]; code: string }[];
  sides: { right: { dominant: string; nondominant: string }; left: { dominant: string; nondominant: string }; unspecified: string };
  handedness: { right: string[]; left: string[]; both: string[] };
}
interface HistoryFile {
  fromPastHistory: string[];
  malignancies: { phrases: string[]; code: string; slots: Record<string, Record<string, string>>; others: Record<string, string> };
  eradicated: string[];
  treated: string[];
  residuals: { prefixes: string[]; words: string[] };
  sequelae: Sequelae;
  episodic: string[];
}
const HISTORY = (lexiconJson as unknown as { history: HistoryFile }).history;
const NEGATION = new Set(['no', 'without', 'denies', 'not', 'none']);

function phraseSet(phrases: readonly string[]): PhraseIndex {
  const index = new PhraseIndex();
  for (const p of phrases) index.add(wordsOf(p), 'x');
  return index;
}
let built: { cancers: PhraseIndex; eradicated: PhraseIndex; treated: PhraseIndex; residuals: PhraseIndex; deficits: PhraseIndex; hands: PhraseIndex } | undefined;
function sets(): NonNullable<typeof built> {
  if (!built) {
    const cancers = new PhraseIndex();
    const { others, ...template } = HISTORY.malignancies;
    for (const { phrase, code } of expandTemplate(template)) cancers.add(wordsOf(phrase), normalizeCode(code));
    for (const [phrase, code] of Object.entries(others)) cancers.add(wordsOf(phrase), normalizeCode(code), true);
    const deficits = new PhraseIndex();
    for (const d of HISTORY.sequelae.deficits) for (const w of d.words) deficits.add(wordsOf(w), d.code);
    const hands = new PhraseIndex();
    for (const [hand, phrases] of Object.entries(HISTORY.sequelae.handedness)) for (const p of phrases) hands.add(wordsOf(p), hand);
    built = { cancers, eradicated: phraseSet(HISTORY.eradicated), treated: phraseSet(HISTORY.treated), residuals: phraseSet(HISTORY.residuals.words), deficits, hands };
  }
  return built;
}

/** The hand the patient writes with, as the chart states it ("right-handed"), if it does. */
function handednessOf(passages: readonly Passage[]): 'right' | 'left' | 'both' | undefined {
  for (const p of passages) {
    const hit = sets().hands.matches(tokenize(p.text))[0];
    if (hit) return hit.code as 'right' | 'left' | 'both';
  }
  return undefined;
}

/** The I69 side digit of a hemiplegia on `side`: dominant when it is the writing hand's side (Section I.C.6.a defaults). */
function sideDigit(side: 'right' | 'left' | undefined, hand: 'right' | 'left' | 'both' | undefined): string {
  const sides = HISTORY.sequelae.sides;
  if (!side) return sides.unspecified;
  const dominant = hand === undefined ? side === 'right' : hand === 'both' || hand === side;
  return dominant ? sides[side].dominant : sides[side].nondominant;
}

const HEMIPLEGIA_SEQUELA = /^(I69[0-3]5)([1-4])$/;

/**
 * Hemiplegia sequela codes (I69.-5-) among the current codes moved, in place, to the dominance
 * the chart's documented writing hand gives (the lexicon's phrases take the Section I.C.6.a
 * defaults, right dominant and left non-dominant).
 */
export function settleDominance(current: Map<string, Mention[]>, passages: readonly Passage[]): void {
  const codes = [...current.keys()].filter((c) => HEMIPLEGIA_SEQUELA.test(c));
  if (codes.length === 0) return;
  const hand = handednessOf(passages);
  if (!hand) return;
  for (const code of codes) {
    const [, stem, digit] = HEMIPLEGIA_SEQUELA.exec(code)!;
    const moved = `${stem}${sideDigit(digit === '1' || digit === '3' ? 'right' : 'left', hand)}`;
    if (moved === code) continue;
    current.set(moved, [...(current.get(moved) ?? []), ...current.get(code)!]);
    current.delete(code);
  }
}

/**
 * The sequela codes (I69.-) of the deficits stated, not negated, in the sentence of a past
 * cerebrovascular event (Section I.C.9.d): "left hemiparesis as a late effect of ischemic stroke".
 */
function sequelaCodes(event: string, tokens: readonly Token[], hand: () => ReturnType<typeof handednessOf>): string[] {
  const digit = Object.entries(HISTORY.sequelae.events).find(([p]) => event.startsWith(normalizeCode(p)))?.[1];
  if (digit === undefined) return [];
  const out: string[] = [];
  for (const m of sets().deficits.matches(tokens)) {
    if (tokens.slice(Math.max(0, m.start - 3), m.start).some((t) => NEGATION.has(t.word))) continue;
    const near = tokens.slice(Math.max(0, m.start - 2), m.end + 2).map((t) => t.word);
    const side = near.includes('left') ? 'left' : near.includes('right') ? 'right' : undefined;
    out.push(`I69${digit}${m.code.includes('{side}') ? m.code.replace('{side}', sideDigit(side, hand())) : m.code}`);
  }
  return out;
}

/** True when a word of `index` stands in the tokens, not just after a negation ("no residual deficits"). */
function affirmedWord(index: PhraseIndex, tokens: readonly Token[]): boolean {
  return index.matches(tokens).some((m) => !tokens.slice(Math.max(0, m.start - 3), m.start).some((t) => NEGATION.has(t.word)));
}

/** A history code with the mention it rests on. */
export interface HistoryMention extends Mention {
  /** The condition's code the history stands for (before mapping to its history code). */
  condition: string;
  /** Set for a sequela code (I69.-): the deficit remains, so it is not a history code. */
  sequela?: true;
}

/**
 * The history-code mentions of these passages: `historical` mentions of conditions with a history
 * code, and past cancers under the malignancy rule. `pastHistory` passages are a past medical or
 * surgical history section, where only `fromPastHistory` conditions count.
 */
export function historyMentions(mentions: readonly Mention[], pastHistory: readonly Passage[], cancerPassages: readonly Passage[], lexicon: PhraseIndex, table: CodeTable): HistoryMention[] {
  const past = pastHistory.flatMap((p) => mentionsIn({ ...p, historical: true }, lexicon)).filter((m) => HISTORY.fromPastHistory.some((pre) => m.code.startsWith(normalizeCode(pre))));
  const out: HistoryMention[] = [];
  // The writing hand, read once and only when a sequela needs it.
  let hand: { of?: ReturnType<typeof handednessOf> } | undefined;
  const handOf = () => (hand ??= { of: handednessOf(cancerPassages) }).of;
  for (const m of [...mentions.filter((x) => x.context === 'historical'), ...past]) {
    const tokens = tokenize(m.source.text);
    for (const code of sequelaCodes(m.code, tokens, handOf)) if (table.get(code)?.billable) out.push({ ...m, condition: m.code, code, sequela: true });
    const h = historyCodeFor(m.code);
    if (!h || !table.get(h)?.billable) continue;
    if (HISTORY.residuals.prefixes.some((p) => m.code.startsWith(normalizeCode(p))) && affirmedWord(sets().residuals, tokens)) continue;
    out.push({ ...m, condition: m.code, code: h });
  }
  const { cancers, eradicated, treated } = sets();
  const found = cancerPassages.flatMap((p) => {
    const tokens = tokenize(p.text);
    return cancers.matches(tokens).map((m) => {
      const { context, trigger } = contextOf(tokens, m.start, m.end, p.text);
      const historical = context === 'historical' || (context === 'affirmed' && p.historical === true);
      return { m, p, tokens, context, trigger, historical, treated: affirmedWord(treated, tokens), eradicated: eradicated.matches(tokens).length > 0 };
    });
  });
  // A cancer documented anywhere as current (without its excision or eradication) or as still
  // treated is no history (Section I.C.2.d): the cancer is coded.
  // A chart list's bare entry ("Colon cancer") is carried over and gives way to what the notes say (timeline.ts).
  const stillThere = (f: (typeof found)[number]) => (f.context === 'affirmed' && !f.historical && !f.eradicated && f.p.at?.tier !== 0) || (f.treated && f.context !== 'negated' && f.context !== 'family');
  const current = new Set(found.filter(stillThere).map((f) => f.m.code));
  for (const { m, p, tokens, trigger, historical, treated: onTreatment } of found) {
    if (!historical || onTreatment || current.has(m.code) || !table.get(m.code)?.billable) continue;
    if (eradicated.matches(tokens).length === 0) continue;
    const phrase = p.text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end);
    out.push({ code: m.code, condition: m.code, phrase, source: p.source, where: p.where, context: 'historical', trigger: trigger ?? 'past history', ...(p.at ? { at: p.at } : {}) });
  }
  return out;
}

/** True when a past episode of this condition keeps its history code beside a current episode (`episodic`: an old MI beside a new one). */
export function isEpisodic(condition: string): boolean {
  return HISTORY.episodic.some((p) => condition.startsWith(normalizeCode(p)));
}
