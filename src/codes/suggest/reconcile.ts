/**
 * Reconciliation of a condition's mentions over time. A chart states a diagnosis many times:
 * "suspected pneumonia" at admission, "pneumonia ruled out" two days later. What is coded is
 * the condition as finally documented: its status is that of the latest statement, with the
 * discharge / final diagnoses winning over every note (timeline.ts; Section II.H and III.C speak
 * of the diagnosis "at the time of discharge").
 *
 * Only statements about the condition now count (affirmed, uncertain, negated): "AKI resolved"
 * or "history of PE" say it existed, not that it did not, so they change nothing here.
 * Within one note (or among the final diagnoses), the statements are read together: an
 * affirmation outweighs a negation (more often a trigger out of its scope, "CHF, no CHF
 * exacerbation", than a note contradicting itself), and a negation outweighs an uncertainty
 * ("rule out PE. PE excluded by CTA.").
 *
 * "CHF exacerbation" has the code of "CHF": a later "no CHF exacerbation" denies the
 * exacerbation, not the CHF. So the status is read twice, over the plain mentions and over all
 * of them, and the one that makes the condition current wins: a plain "CHF ruled out" still
 * overrules an earlier "CHF exacerbation". And once the condition has been affirmed, a later
 * negated exacerbation says only that it is not exacerbated, like "resolved": it changes
 * nothing, even when the chart never writes the plain "CHF". Before any affirmation it still
 * settles a suspicion ("possible CHF exacerbation", then "CHF exacerbation ruled out").
 */
import triggersJson from './context-triggers.json';
import { compareStamps, type Stamp } from './timeline.ts';
import { wordsOf } from './tokens.ts';
import type { Mention, MentionContext } from './types.ts';

/** A condition's status as documented. */
export type Status = 'affirmed' | 'uncertain' | 'negated';

/** The status of one code (or term) and the mentions it rests on. */
export interface Reconciled {
  status: Status;
  /**
   * The mentions that settle the status, in time order: those of the latest statements that
   * agree with it, back to the last statement that said otherwise.
   */
  evidence: Mention[];
  /** The latest earlier statement that said otherwise (uncertain before a confirmation, ...). */
  overruled?: Mention;
}

const STRENGTH: Record<Status, number> = { uncertain: 1, negated: 2, affirmed: 3 };
/** Which status makes a condition more current, when the plain and the qualified readings differ. */
const CURRENCY: Record<Status, number> = { negated: 0, uncertain: 1, affirmed: 2 };
const EXACERBATIONS = new Set((triggersJson as unknown as { exacerbations: string[] }).exacerbations);

/** True when the phrase names an exacerbation of the condition rather than the condition. */
function qualified(mention: Mention): boolean {
  return wordsOf(mention.phrase).some((w) => EXACERBATIONS.has(w));
}

function isStatus(context: MentionContext): context is Status {
  return context === 'affirmed' || context === 'uncertain' || context === 'negated';
}

interface Statement {
  status: Status;
  mentions: Mention[];
}

/** The statements about one code, in time order (one per note, list or final diagnoses). */
function statementsOf(mentions: readonly { mention: Mention; at: Stamp }[]): Statement[] {
  const sorted = [...mentions].sort((a, b) => compareStamps(a.at, b.at));
  const groups: { group: string; mentions: Mention[] }[] = [];
  for (const { mention, at } of sorted) {
    const last = groups.at(-1);
    if (last?.group === at.group) last.mentions.push(mention);
    else groups.push({ group: at.group, mentions: [mention] });
  }
  return groups.map(({ mentions: ms }) => {
    const status = ms.map((m) => m.context as Status).reduce((a, b) => (STRENGTH[b] > STRENGTH[a] ? b : a));
    return { status, mentions: ms.filter((m) => m.context === status) };
  });
}

/** The status told by these statements (time order) and the mentions it rests on. */
function settle(statements: readonly Statement[]): Reconciled {
  const status = statements.at(-1)!.status;
  let first = statements.length - 1;
  while (first > 0 && statements[first - 1]!.status === status) first--;
  const overruled = statements[first - 1]?.mentions.at(-1);
  return { status, evidence: statements.slice(first).flatMap((s) => s.mentions), ...(overruled ? { overruled } : {}) };
}

/** The mentions less each negated exacerbation stated after an affirmation of the condition. */
function withoutDeniedExacerbations(stamped: readonly { mention: Mention; at: Stamp }[]): { mention: Mention; at: Stamp }[] {
  let affirmed = false;
  return [...stamped]
    .sort((a, b) => compareStamps(a.at, b.at))
    .filter(({ mention }) => {
      affirmed ||= mention.context === 'affirmed';
      return !(affirmed && mention.context === 'negated' && qualified(mention));
    });
}

/** Each code's (and term's) status, in the order the chart first mentions it. */
export function reconcile(mentions: readonly Mention[]): Map<string, Reconciled> {
  const byCode = new Map<string, { mention: Mention; at: Stamp }[]>();
  mentions.forEach((mention, i) => {
    if (!isStatus(mention.context)) return;
    // Mentions read outside a chart (tests, a single passage) have no stamp: one note, in order.
    const at = mention.at ?? { tier: 1, time: -Infinity, dated: false, seq: i, group: '' };
    byCode.set(mention.code, [...(byCode.get(mention.code) ?? []), { mention, at }]);
  });
  const out = new Map<string, Reconciled>();
  for (const [code, mentionsOfCode] of byCode) {
    const stamped = withoutDeniedExacerbations(mentionsOfCode);
    const all = settle(statementsOf(stamped));
    const plain = stamped.filter((s) => !qualified(s.mention));
    const base = plain.length > 0 && plain.length < stamped.length ? settle(statementsOf(plain)) : undefined;
    out.set(code, base && CURRENCY[base.status] > CURRENCY[all.status] ? base : all);
  }
  return out;
}

/**
 * A suspicion excluded outside the diagnosis sections: each code still uncertain in `states` (in
 * place) becomes negated when one of `negations` (negated mentions read from the notes' other
 * sections: results, updates, the course) is stated in the same note as its last uncertain
 * statement or later. Never an affirmed diagnosis, never the discharge diagnoses' uncertainty
 * (a later tier wins): "rule out PE" in a note, "CTA negative for pulmonary embolism" below it.
 */
export function settleSuspicions(states: Map<string, Reconciled>, negations: readonly Mention[]): void {
  for (const [code, state] of states) {
    if (state.status !== 'uncertain') continue;
    const last = state.evidence.at(-1);
    const at = last?.at;
    const excluded = negations.find((n) => n.code === code && n.context === 'negated' && (!at || !n.at || n.at.group === at.group || compareStamps(n.at, at) > 0));
    if (excluded && last) states.set(code, { status: 'negated', evidence: [excluded], overruled: last });
  }
}
