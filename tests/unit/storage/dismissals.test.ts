import { describe, expect, it } from 'vitest';
import { openChartlintDb } from '../../../src/storage/db.ts';
import { dismiss, dismissalsFor, undismiss } from '../../../src/storage/dismissals.ts';
import { auditTrail } from '../../../src/storage/audit.ts';

describe('dismissals', () => {
  it('keeps a dismissal per chart, survives reopening the database, and can be undone', async () => {
    const name = `dismissals-${Math.random()}`;
    let db = await openChartlintDb(name);
    await dismiss(db, { chartKey: 'cA', fingerprint: 'f1', rule: 'document-unsigned', reason: 'Signed on paper', dismissedAt: '2026-11-24T10:00:00Z' });
    db.close();
    db = await openChartlintDb(name);
    expect([...(await dismissalsFor(db, 'cA')).keys()]).toEqual(['f1']);
    expect((await dismissalsFor(db, 'cB')).size).toBe(0);
    await undismiss(db, 'cA', 'f1');
    expect((await dismissalsFor(db, 'cA')).size).toBe(0);
    expect((await auditTrail(db)).map((a) => a.action)).toEqual(['finding-dismissed', 'finding-undismissed']);
    db.close();
  });
});
