import type { ChartlintDatabase } from './db.ts';
import type { CodeDecision, QueryOutcome, ReviewedDrg, ReviewedQuery } from './review-types.ts';

/**
 * Notes a dismissal (with the user's initials) on the finding's review row. The dismissal itself
 * lives in the `dismissals` store (dismissals.ts), which the panel reads; this is its history.
 * False when the chart's review has not recorded the finding (nothing to note it on).
 */
export async function recordDismissal(db: ChartlintDatabase, chartKey: string, fingerprint: string, reason: string, initials: string | undefined, now: string): Promise<boolean> {
  const tx = db.transaction('reviewFindings', 'readwrite');
  const row = await tx.store.get([chartKey, fingerprint]);
  if (row) {
    const by = initials?.trim();
    const next = { ...row, dismissedAt: now, dismissReason: reason };
    if (by) next.dismissedBy = by;
    else delete next.dismissedBy;
    await tx.store.put(next);
  }
  await tx.done;
  return row !== undefined;
}

/** A dismissal taken back: the finding counts as open again. */
export async function recordUndismissal(db: ChartlintDatabase, chartKey: string, fingerprint: string): Promise<void> {
  const tx = db.transaction('reviewFindings', 'readwrite');
  const row = await tx.store.get([chartKey, fingerprint]);
  if (row) {
    const { dismissedAt: _at, dismissReason: _reason, dismissedBy: _by, ...open } = row;
    await tx.store.put(open);
  }
  await tx.done;
}

export interface DraftedQuery {
  chartKey: string;
  fingerprint: string;
  rule: string;
  now: string;
  drgBefore?: ReviewedDrg;
}

/**
 * Records a query drafted from a finding, pending its answer, and returns its id. A query
 * already pending for the same finding is that query (copying the draft twice sends one query).
 */
export async function recordQueryDrafted(db: ChartlintDatabase, query: DraftedQuery): Promise<number> {
  const tx = db.transaction('reviewQueries', 'readwrite');
  const pending = (await tx.store.index('by-chart').getAll(query.chartKey)).find((q) => q.fingerprint === query.fingerprint && q.outcome === 'pending');
  const id =
    pending?.id ??
    (await tx.store.add({
      chartKey: query.chartKey,
      fingerprint: query.fingerprint,
      rule: query.rule,
      draftedAt: query.now,
      outcome: 'pending',
      ...(query.drgBefore ? { drgBefore: query.drgBefore } : {}),
    }));
  await tx.done;
  return id;
}

/** The outcome of a query as the user entered it. False when there is no such query. */
export async function recordQueryOutcome(db: ChartlintDatabase, id: number, outcome: QueryOutcome, initials: string | undefined, now: string, drgAfter?: ReviewedDrg): Promise<boolean> {
  const tx = db.transaction('reviewQueries', 'readwrite');
  const query = await tx.store.get(id);
  if (query) {
    const next: ReviewedQuery = { ...query, outcome, outcomeAt: now };
    const by = initials?.trim();
    if (by) next.by = by;
    if (drgAfter) next.drgAfter = drgAfter;
    await tx.store.put(next);
  }
  await tx.done;
  return query !== undefined;
}

/** Records a suggested code accepted or rejected; returns its id. */
export async function recordCodeDecision(db: ChartlintDatabase, decision: CodeDecision): Promise<number> {
  const { id: _ignored, ...fresh } = decision;
  return db.add('codeDecisions', fresh);
}

/** One chart's queries and code decisions, for the panel. */
export async function chartDecisions(db: ChartlintDatabase, chartKey: string): Promise<{ queries: ReviewedQuery[]; codeDecisions: CodeDecision[] }> {
  const [queries, codeDecisions] = await Promise.all([db.getAllFromIndex('reviewQueries', 'by-chart', chartKey), db.getAllFromIndex('codeDecisions', 'by-chart', chartKey)]);
  return { queries, codeDecisions };
}
