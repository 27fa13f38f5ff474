import type { Code } from '../chart/snapshot.ts';
import { database } from '../storage/database.ts';
import { recordCodeDecision, recordDismissal, recordQueryDrafted, recordQueryOutcome, recordUndismissal, chartDecisions } from '../storage/review-decisions.ts';
import type { CodeDecision, QueryOutcome, ReviewedDrg } from '../storage/review-types.ts';
import { reviewedDrgOfTab } from './review-drg.ts';
import { flushReview } from './review-recorder.ts';
import { getTab } from './tab-states.ts';

/**
 * What the panel's actions add to the review record (review-decisions.ts). Each is a history
 * beside the action itself (the dismissal, the working code list): a failure here is logged,
 * never thrown, so the action the user took still stands.
 */
async function quietly(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.warn(`chartlint: could not record ${what} in the review record`, error);
  }
}

/** The tab's working DRG now, as the review record keeps it. */
export async function currentDrg(tabId: number): Promise<ReviewedDrg | undefined> {
  try {
    const record = await getTab(tabId);
    return record ? await reviewedDrgOfTab(record) : undefined;
  } catch {
    return undefined;
  }
}

export function noteDismissal(chartKey: string, fingerprint: string, reason: string, initials: string | undefined): Promise<void> {
  return quietly('a dismissal', async () => {
    // The finding's row is written by the chart's review, which may still be waiting its turn.
    await flushReview(chartKey);
    await recordDismissal(await database(), chartKey, fingerprint, reason, initials, new Date().toISOString());
  });
}

export function noteUndismissal(chartKey: string, fingerprint: string): Promise<void> {
  return quietly('an undone dismissal', async () => {
    await flushReview(chartKey);
    await recordUndismissal(await database(), chartKey, fingerprint);
  });
}

export function noteQueryDrafted(tabId: number, chartKey: string, fingerprint: string, rule: string): Promise<void> {
  return quietly('a drafted query', async () => {
    const drgBefore = await currentDrg(tabId);
    await recordQueryDrafted(await database(), { chartKey, fingerprint, rule, now: new Date().toISOString(), ...(drgBefore ? { drgBefore } : {}) });
  });
}

export function noteQueryOutcome(tabId: number, chartKey: string, id: number, outcome: QueryOutcome, initials: string | undefined): Promise<void> {
  return quietly('a query outcome', async () => {
    const db = await database();
    // Only this chart's queries: a panel holds ids of the chart it shows.
    const { queries } = await chartDecisions(db, chartKey);
    if (!queries.some((q) => q.id === id)) return;
    // The DRG once the answer is in: an agreed or answered query may have changed the codes.
    const drgAfter = outcome === 'answered' || outcome === 'agreed' ? await currentDrg(tabId) : undefined;
    await recordQueryOutcome(db, id, outcome, initials, new Date().toISOString(), drgAfter);
  });
}

export interface CodeChoice {
  chartKey: string;
  code: Code;
  rule: string;
  fingerprint?: string;
  decision: CodeDecision['decision'];
  reason?: string;
  initials?: string;
  drgBefore?: ReviewedDrg;
  drgAfter?: ReviewedDrg;
}

export function noteCodeDecision(tabId: number, choice: CodeChoice): Promise<void> {
  return quietly('a code decision', async () => {
    const record = await getTab(tabId);
    const finding = record?.findings.find((f) => (choice.fingerprint ? f.fingerprint === choice.fingerprint : f.rule === choice.rule && f.codes.some((c) => c.code === choice.code.code)));
    const suggested = finding?.codes.find((c) => c.system === choice.code.system && c.code === choice.code.code);
    const by = choice.initials?.trim();
    const reason = choice.reason?.trim();
    const fingerprint = choice.fingerprint ?? finding?.fingerprint;
    await recordCodeDecision(await database(), {
      chartKey: choice.chartKey,
      system: choice.code.system,
      code: choice.code.code,
      decision: choice.decision,
      at: new Date().toISOString(),
      ...(reason ? { reason } : {}),
      ...(by ? { by } : {}),
      ...(fingerprint ? { fingerprint } : {}),
      ...(suggested?.severityLevel ? { severityLevel: suggested.severityLevel } : {}),
      ...(choice.drgBefore ? { drgBefore: choice.drgBefore } : {}),
      ...(choice.drgAfter ? { drgAfter: choice.drgAfter } : {}),
    });
  });
}

/** The chart's queries and code decisions for the panel; nothing when the record cannot be read. */
export async function reviewStateOf(chartKey: string): Promise<{ review?: Awaited<ReturnType<typeof chartDecisions>> }> {
  try {
    return { review: await chartDecisions(await database(), chartKey) };
  } catch (error) {
    console.warn('chartlint: could not read the review record', error);
    return {};
  }
}
