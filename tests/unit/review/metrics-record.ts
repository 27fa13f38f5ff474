import type { ReviewRecord, ReviewedChart, ReviewedFinding } from '../../../src/storage/review-types.ts';

// A small record whose every number below was worked out by hand (see the comments).
export const NOW = '2026-03-31T12:00:00.000Z';
export const options = { now: NOW, delinquencyDays: 30 };

const chart = (chartKey: string, rest: Partial<ReviewedChart>): ReviewedChart => ({
  chartKey, source: 'browser', firstSeenAt: '2026-02-01T00:00:00.000Z', lastSeenAt: NOW, ...rest,
});
export const finding = (chartKey: string, fingerprint: string, rule: string, category: string, severity: ReviewedFinding['severity'], firstSeenAt: string, rest: Partial<ReviewedFinding> = {}): ReviewedFinding => ({
  chartKey, fingerprint, rule, pack: 'test', category, severity, message: rule, firstSeenAt, lastSeenAt: NOW, ...rest,
});

export const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';
const D = 'dddddddddddddddd';

export const RECORD: ReviewRecord = {
  charts: [
    // 58.5 days since discharge: past the 30-day limit, with open deficiencies.
    chart(A, { url: 'http://127.0.0.1/a.html', dischargedAt: '2026-02-01T00:00:00.000Z', attending: 'Dr. Adams', drgFirst: { drg: '292', weight: 0.9 }, drgNow: { drg: '291', weight: 1.3 } }),
    // 11.5 days since discharge.
    chart(B, { dischargedAt: '2026-03-20T00:00:00.000Z', attending: 'Dr. Baker', drgFirst: { drg: '871', weight: 1.8 }, drgNow: { drg: '871', weight: 1.8 } }),
    // 44.5 days since discharge, everything resolved: past the limit, not delinquent.
    chart(C, { dischargedAt: '2026-02-15T00:00:00.000Z', drgFirst: { drg: '690', weight: 0.8 }, drgNow: { drg: '690', weight: 0.8 } }),
    // Imported from a batch run, identifiers kept, no discharge date; the new DRG's weight unknown.
    chart(D, { source: 'batch-import', importName: 'run.ndjson', title: 'charts/d.html', patientName: 'Doe, Jane', mrn: '123', drgFirst: { drg: '683', weight: 0.9 }, drgNow: { drg: '682' } }),
  ],
  findings: [
    finding(A, 'f1', 'dictated-not-signed', 'authentication', 'error', '2026-03-02T10:00:00.000Z', { responsible: 'Dr. Cole' }),
    finding(A, 'f2', 'verbal-order-not-authenticated', 'authentication', 'warning', '2026-03-04T00:00:00.000Z'),
    finding(A, 'f3', 'combination-code-presumed', 'coding', 'info', '2026-03-02T00:00:00.000Z', { severityLevel: 'CC' }),
    finding(A, 'f4', 'dictated-not-signed', 'authentication', 'error', '2026-03-03T00:00:00.000Z', { dismissedAt: '2026-03-05T00:00:00.000Z', dismissReason: 'Not applicable' }),
    finding(B, 'f5', 'hp-missing', 'completeness', 'error', '2026-03-21T00:00:00.000Z', { responsible: 'Dr. Baker' }),
    finding(B, 'f6', 'dictated-not-signed', 'authentication', 'warning', '2026-03-22T00:00:00.000Z', { resolvedAt: '2026-03-24T12:00:00.000Z' }),
    finding(B, 'f7', 'query-sepsis', 'cdi', 'warning', '2026-03-22T00:00:00.000Z', { severityLevel: 'MCC' }),
    finding(C, 'f8', 'hp-missing', 'completeness', 'error', '2026-02-16T00:00:00.000Z', { resolvedAt: '2026-02-17T00:00:00.000Z' }),
    finding(C, 'f9', 'dictated-not-signed', 'authentication', 'error', '2026-02-16T00:00:00.000Z', { resolvedAt: '2026-02-20T00:00:00.000Z' }),
    finding(D, 'f10', 'hp-missing', 'completeness', 'warning', '2026-03-30T09:00:00.000Z', { responsible: 'Dr. Baker' }),
  ],
  queries: [
    { chartKey: B, fingerprint: 'f7', rule: 'query-sepsis', draftedAt: '2026-03-22T00:00:00.000Z', outcome: 'agreed' },
    { chartKey: A, fingerprint: 'f1', rule: 'dictated-not-signed', draftedAt: '2026-03-03T00:00:00.000Z', outcome: 'pending' },
    { chartKey: C, fingerprint: 'f9', rule: 'dictated-not-signed', draftedAt: '2026-02-16T00:00:00.000Z', outcome: 'declined' },
    { chartKey: C, fingerprint: 'f8', rule: 'hp-missing', draftedAt: '2026-02-16T00:00:00.000Z', outcome: 'unanswered' },
  ],
  codeDecisions: [
    // Its level comes from the finding it was accepted from (f3: CC).
    { chartKey: A, system: 'icd10cm', code: 'I13.0', decision: 'accepted', at: '2026-03-02T00:00:00.000Z', fingerprint: 'f3' },
    // Rejected: adds nothing.
    { chartKey: B, system: 'icd10cm', code: 'A41.9', decision: 'rejected', at: '2026-03-22T00:00:00.000Z', severityLevel: 'MCC' },
  ],
};
