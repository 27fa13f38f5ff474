import { describe, expect, it } from 'vitest';
import { chartKeyOf } from '../../../src/chart/chart-key.ts';
import { openChartlintDb } from '../../../src/storage/db.ts';
import { chartDecisions, recordCodeDecision, recordDismissal, recordQueryDrafted, recordQueryOutcome, recordUndismissal } from '../../../src/storage/review-decisions.ts';
import { readReviewRecord, recordChartReview, type ChartReviewInput } from '../../../src/storage/review-record.ts';
import { chartSnapshot, finding } from './review-fixtures.ts';

let count = 0;
const freshDb = () => openChartlintDb(`chartlint-review-${++count}`);

const unsignedNote = finding('cosignature-missing', 'doc-1');
const unsignedSummary = finding('document-unsigned', 'doc-2', { codes: [{ system: 'ICD-10-CM', code: 'J18.9', action: 'add', severityLevel: 'CC' }, { system: 'ICD-10-CM', code: 'N17.9', action: 'add', severityLevel: 'MCC' }] });
const missingHp = finding('history-and-physical-missing', 'chart', { category: 'completeness' });

const T1 = '2026-11-25T10:00:00.000Z';
const T2 = '2026-11-26T10:00:00.000Z';
const T3 = '2026-11-27T10:00:00.000Z';

function read(overrides: Partial<ChartReviewInput>): ChartReviewInput {
  return { snapshot: chartSnapshot(), findings: [], origin: 'https://ehr.example.test', url: 'https://ehr.example.test/chart?id=1#notes', privacy: 'hash-identifiers', now: T1, ...overrides };
}

describe('recordChartReview', () => {
  it('records the chart without identifiers by default, its stay, and who each finding waits on', async () => {
    const db = await freshDb();
    await recordChartReview(db, read({ findings: [unsignedNote, unsignedSummary, missingHp], drg: { drg: '194', severity: 'CC' } }));
    const { charts, findings } = await readReviewRecord(db);
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart).toMatchObject({
      chartKey: chartKeyOf(chartSnapshot()),
      source: 'browser',
      origin: 'https://ehr.example.test',
      encounterClass: 'inpatient',
      admittedAt: '2026-11-20',
      dischargedAt: '2026-11-24',
      attending: 'Okafor, Chinedu',
      firstSeenAt: T1,
      lastSeenAt: T1,
      readComplete: true,
      drgFirst: { drg: '194' },
      drgNow: { drg: '194' },
    });
    expect(chart).not.toHaveProperty('patientName');
    expect(chart).not.toHaveProperty('mrn');
    expect(JSON.stringify(charts)).not.toContain('Rivera');
    const by = Object.fromEntries(findings.map((f) => [f.rule, f]));
    // Awaiting a co-signature: the named co-signer; unsigned: its author; chart-wide: the attending.
    expect(by['cosignature-missing']?.responsible).toBe('Okafor, Chinedu');
    expect(by['document-unsigned']).toMatchObject({ responsible: 'Nguyen, Lan', codes: ['J18.9', 'N17.9'], severityLevel: 'MCC', firstSeenAt: T1 });
    expect(by['history-and-physical-missing']?.responsible).toBe('Okafor, Chinedu');
  });

  it('keeps the name and MRN under "store-identifiers", and drops them once the user goes back to hashing', async () => {
    const db = await freshDb();
    await recordChartReview(db, read({ privacy: 'store-identifiers' }));
    expect((await readReviewRecord(db)).charts[0]).toMatchObject({ patientName: 'Rivera, Maria', mrn: '4820193', title: 'Rivera, Maria · Inpatient chart' });
    await recordChartReview(db, read({ now: T2 }));
    expect(JSON.stringify((await readReviewRecord(db)).charts)).not.toContain('Rivera');
  });

  it('keeps first-seen, resolves what a complete read no longer raises, and reopens what comes back', async () => {
    const db = await freshDb();
    await recordChartReview(db, read({ findings: [unsignedNote, unsignedSummary], drg: { drg: '195' } }));
    const counts = await recordChartReview(db, read({ findings: [unsignedNote], now: T2, drg: { drg: '194' } }));
    expect(counts).toEqual({ raised: 1, added: 0, resolved: 1 });
    const first = await readReviewRecord(db);
    let { findings } = first;
    const note = () => findings.find((f) => f.rule === 'cosignature-missing');
    const summary = () => findings.find((f) => f.rule === 'document-unsigned');
    expect(note()).toMatchObject({ firstSeenAt: T1, lastSeenAt: T2 });
    expect(note()).not.toHaveProperty('resolvedAt');
    expect(summary()).toMatchObject({ firstSeenAt: T1, lastSeenAt: T1, resolvedAt: T2 });
    expect(first.charts[0]).toMatchObject({ firstSeenAt: T1, lastSeenAt: T2, drgFirst: { drg: '195' }, drgNow: { drg: '194' } });

    await recordChartReview(db, read({ findings: [unsignedNote, unsignedSummary], now: T3 }));
    ({ findings } = await readReviewRecord(db));
    expect(summary()).toMatchObject({ firstSeenAt: T1, lastSeenAt: T3 });
    expect(summary()).not.toHaveProperty('resolvedAt');
  });

  it('resolves nothing on a partial read: what it missed may be the very note at fault', async () => {
    const db = await freshDb();
    await recordChartReview(db, read({ findings: [unsignedNote, unsignedSummary] }));
    const partial = chartSnapshot({ truncated: true });
    expect(partial.coverage?.complete).toBe(false);
    const counts = await recordChartReview(db, read({ snapshot: partial, findings: [unsignedNote], now: T2 }));
    expect(counts.resolved).toBe(0);
    const { findings, charts } = await readReviewRecord(db);
    expect(findings.every((f) => f.resolvedAt === undefined)).toBe(true);
    expect(charts[0]?.readComplete).toBe(false);
  });

  it('resolves nothing of a rule that did not run (its pack switched off): its silence says nothing of the chart', async () => {
    const db = await freshDb();
    await recordChartReview(db, read({ findings: [unsignedNote, missingHp] }));
    const counts = await recordChartReview(db, read({ findings: [], now: T2, rulesRun: new Set(['authentication/history-and-physical-missing']) }));
    expect(counts.resolved).toBe(1);
    const { findings } = await readReviewRecord(db);
    expect(findings.find((f) => f.rule === 'cosignature-missing')).not.toHaveProperty('resolvedAt');
    expect(findings.find((f) => f.rule === 'history-and-physical-missing')).toMatchObject({ resolvedAt: T2 });
  });

  it('lets only the page that raised a finding resolve it, not another page of the same chart', async () => {
    const db = await freshDb();
    await recordChartReview(db, read({ findings: [unsignedNote] }));
    const abstract = chartSnapshot(undefined, 'https://ehr.example.test/abstract?id=1');
    expect(chartKeyOf(abstract)).toBe(chartKeyOf(chartSnapshot()));
    await recordChartReview(db, read({ snapshot: abstract, url: 'https://ehr.example.test/abstract?id=1', now: T2 }));
    expect((await readReviewRecord(db)).findings[0]).not.toHaveProperty('resolvedAt');
    // The same page again (only its fragment differs), complete, without the finding: resolved.
    await recordChartReview(db, read({ url: 'https://ehr.example.test/chart?id=1', now: T3 }));
    expect((await readReviewRecord(db)).findings[0]).toMatchObject({ resolvedAt: T3 });
  });
});

describe('dismissals, queries and code decisions in the review record', () => {
  it('notes a dismissal with its reason and initials, and takes it back', async () => {
    const db = await freshDb();
    await recordChartReview(db, read({ findings: [unsignedNote] }));
    const key = chartKeyOf(chartSnapshot());
    expect(await recordDismissal(db, key, unsignedNote.fingerprint, 'Documented on paper', ' MK ', T2)).toBe(true);
    expect((await readReviewRecord(db)).findings[0]).toMatchObject({ dismissedAt: T2, dismissReason: 'Documented on paper', dismissedBy: 'MK' });
    // Another read keeps the dismissal.
    await recordChartReview(db, read({ findings: [unsignedNote], now: T3 }));
    expect((await readReviewRecord(db)).findings[0]).toMatchObject({ dismissedBy: 'MK', lastSeenAt: T3 });
    await recordUndismissal(db, key, unsignedNote.fingerprint);
    expect((await readReviewRecord(db)).findings[0]).not.toHaveProperty('dismissedAt');
    expect(await recordDismissal(db, key, 'no-such-finding', 'x', undefined, T2)).toBe(false);
  });

  it('records a drafted query once while it is pending, then its outcome with initials', async () => {
    const db = await freshDb();
    const draft = { chartKey: 'k1', fingerprint: 'f1', rule: 'query-unspecified-diagnosis', now: T1, drgBefore: { drg: '293' } };
    const id = await recordQueryDrafted(db, draft);
    expect(await recordQueryDrafted(db, { ...draft, now: T2 })).toBe(id);
    expect(await recordQueryOutcome(db, id, 'agreed', 'JD', T3, { drg: '291' })).toBe(true);
    const { queries } = await readReviewRecord(db);
    expect(queries).toEqual([{ id, chartKey: 'k1', fingerprint: 'f1', rule: 'query-unspecified-diagnosis', draftedAt: T1, outcome: 'agreed', outcomeAt: T3, by: 'JD', drgBefore: { drg: '293' }, drgAfter: { drg: '291' } }]);
    // Answered, a new draft from the same finding is a new query.
    expect(await recordQueryDrafted(db, { ...draft, now: T3 })).not.toBe(id);
    expect(await recordQueryOutcome(db, 999, 'declined', 'JD', T3)).toBe(false);
  });

  it('records accepted and rejected codes per chart, with the reason for a rejection', async () => {
    const db = await freshDb();
    await recordCodeDecision(db, { chartKey: 'k1', system: 'ICD-10-CM', code: 'N17.9', decision: 'accepted', at: T1, severityLevel: 'MCC', by: 'JD' });
    await recordCodeDecision(db, { chartKey: 'k1', system: 'ICD-10-CM', code: 'E87.1', decision: 'rejected', reason: 'Lab value only, not documented by the provider', at: T2 });
    await recordCodeDecision(db, { chartKey: 'k2', system: 'ICD-10-CM', code: 'I50.9', decision: 'accepted', at: T2 });
    const { codeDecisions } = await chartDecisions(db, 'k1');
    expect(codeDecisions.map((d) => [d.code, d.decision, d.reason])).toEqual([
      ['N17.9', 'accepted', undefined],
      ['E87.1', 'rejected', 'Lab value only, not documented by the provider'],
    ]);
    expect((await readReviewRecord(db)).codeDecisions).toHaveLength(3);
  });
});
