/**
 * The context step (after NegEx and ConText): decides whether a diagnosis phrase in a sentence
 * is affirmed, negated, historical, about a family member, or uncertain, from trigger words
 * before or after it (context-triggers.json). Triggers are compiled once into a phrase index.
 */
import type { MentionContext } from './types.ts';
import triggersJson from './context-triggers.json';
import { PhraseIndex } from './phrase-index.ts';
import type { Token } from './tokens.ts';
import { wordsOf } from './tokens.ts';

type Governed = Exclude<MentionContext, 'affirmed'>;
interface TriggerFile {
  window: number;
  afterWindow: number;
  priority: Governed[];
  before: Record<Governed, string[]>;
  after: Record<Governed, string[]>;
  pseudo: string[];
  terminators: string[];
}

const TRIGGERS = triggersJson as unknown as TriggerFile;
const PSEUDO = 'pseudo';
const TERMINATOR = 'terminator';

function compile(side: Record<Governed, string[]>): PhraseIndex {
  const index = new PhraseIndex();
  for (const [context, phrases] of Object.entries(side)) for (const p of phrases) index.add(wordsOf(p), context);
  for (const p of TRIGGERS.pseudo) index.add(wordsOf(p), PSEUDO, true);
  for (const p of TRIGGERS.terminators) index.add(wordsOf(p), TERMINATOR);
  return index;
}

const BEFORE = compile(TRIGGERS.before);
const AFTER = compile(TRIGGERS.after);

/** The context of the phrase at tokens [start, end) and the trigger that set it. */
export interface ContextResult {
  context: MentionContext;
  trigger?: string;
}

/** Decides the context of tokens [start, end) of a sentence. */
export function contextOf(tokens: readonly Token[], start: number, end: number, sentence: string): ContextResult {
  const found: { context: Governed; trigger: string }[] = [];
  // Before: the nearest terminator bounds the window; triggers inside it govern the phrase.
  const from = Math.max(0, start - TRIGGERS.window);
  const before = BEFORE.matches(tokens.slice(from, start));
  const lastTerminator = Math.max(-1, ...before.filter((m) => m.code === TERMINATOR).map((m) => m.end));
  for (const m of before) {
    if (m.start < lastTerminator || m.code === PSEUDO || m.code === TERMINATOR) continue;
    found.push({ context: m.code as Governed, trigger: quote(tokens, from + m.start, from + m.end, sentence) });
  }
  // After: triggers right behind the phrase, up to the first terminator.
  const after = AFTER.matches(tokens.slice(end, end + TRIGGERS.afterWindow + 2));
  const firstTerminator = Math.min(Infinity, ...after.filter((m) => m.code === TERMINATOR).map((m) => m.start));
  for (const m of after) {
    if (m.start > TRIGGERS.afterWindow || m.start >= firstTerminator || m.code === PSEUDO || m.code === TERMINATOR) continue;
    found.push({ context: m.code as Governed, trigger: quote(tokens, end + m.start, end + m.end, sentence) });
  }
  for (const context of TRIGGERS.priority) {
    const hit = found.find((f) => f.context === context);
    if (hit) return hit;
  }
  return { context: 'affirmed' };
}

function quote(tokens: readonly Token[], start: number, end: number, sentence: string): string {
  return sentence.slice(tokens[start]?.start ?? 0, tokens[end - 1]?.end ?? 0);
}
