import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../../src/storage/audit.ts';
import { openChartlintDb } from '../../../src/storage/db.ts';
import { acceptCode, removeCode, workingCodes } from '../../../src/storage/working-codes.ts';

describe('working code list', () => {
  it('keeps accepted codes per chart, once each, audited, and removable', async () => {
    const db = await openChartlintDb(`working-${Math.random()}`);
    const code = { system: 'ICD-10-CM', code: 'I13.0', display: 'Hypertensive heart and CKD with heart failure', rule: 'combination-code-presumed', acceptedAt: '2026-11-24T10:00:00Z' };
    await acceptCode(db, 'cA', code);
    await acceptCode(db, 'cA', { ...code, acceptedAt: '2026-11-24T10:01:00Z' });
    expect((await workingCodes(db, 'cA')).map((c) => c.code)).toEqual(['I13.0']);
    expect(await workingCodes(db, 'cB')).toEqual([]);
    expect((await auditTrail(db)).filter((a) => a.action === 'code-accepted')).toHaveLength(1);
    await removeCode(db, 'cA', 'ICD-10-CM', 'I13.0');
    expect(await workingCodes(db, 'cA')).toEqual([]);
    db.close();
  });
});
