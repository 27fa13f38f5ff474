import { describe, expect, it } from 'vitest';
import { CodeSetImportError } from '../../../src/codes/import-progress.ts';
import { openChartlintDb } from '../../../src/storage/db.ts';
import { getActiveTable, importRelease, listReleases, loadActiveRelease } from '../../../src/storage/codesets.ts';
import { hasShared, sharedBytes } from '../codes/shared-codesets.ts';

let dbCount = 0;
const freshDb = () => openChartlintDb(`chartlint-test-${++dbCount}`);

/** A synthetic order file of `n` codes (enough to be written in several chunks). */
function orderFile(n: number, title = 'Synthetic code'): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const code = `A${String(i).padStart(5, '0')}`;
    lines.push(`${String(i + 1).padStart(5, '0')} ${code.padEnd(7)} 1 ${title.padEnd(60)} ${title} ${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('code-set releases in IndexedDB', () => {
  it('imports a release, makes it active and rebuilds the table from chunks', async () => {
    const db = await freshDb();
    const record = await importRelease(db, { system: 'icd10cm', fiscalYear: 2027, input: orderFile(12_000), source: 'order-2027.txt' });
    expect(record).toMatchObject({ status: 'ready', fiscalYear: 2027, effectiveFrom: '2026-10-01', counts: { codes: 12_000 } });
    expect(record.chunkFields).toEqual({ entries: 3 });
    const table = await getActiveTable(db);
    expect(table?.size).toBe(12_000);
    expect(table?.get('A11999')?.long).toBe('Synthetic code 11999');
    db.close();
  });

  it('an interrupted import leaves the previous release active and is recorded', async () => {
    const db = await freshDb();
    const first = await importRelease(db, { system: 'icd10cm', fiscalYear: 2026, input: orderFile(6_000, 'Old'), source: 'old.txt' });
    const controller = new AbortController();
    const attempt = importRelease(db, {
      system: 'icd10cm',
      fiscalYear: 2027,
      input: orderFile(20_000, 'New'),
      source: 'new.txt',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'saving' && p.done >= 5_000) controller.abort();
      },
    });
    await expect(attempt).rejects.toThrow(/new.txt: import stopped: the import was cancelled/);
    expect((await db.get('active', 'icd10cm'))?.releaseId).toBe(first.id);
    const table = await getActiveTable(db);
    expect(table?.release.fiscalYear).toBe(2026);
    expect(table?.get('A00001')?.short).toBe('Old');
    const failed = (await listReleases(db)).find((r) => r.source === 'new.txt');
    expect(failed).toMatchObject({ status: 'failed', error: 'the import was cancelled' });
    db.close();
  });

  it('an invalid file leaves the previous release active and says what was wrong', async () => {
    const db = await freshDb();
    const first = await importRelease(db, { system: 'icd10cm', fiscalYear: 2026, input: orderFile(10), source: 'good.txt' });
    const truncated = orderFile(10).split('\r\n').filter((_, i) => i !== 4).join('\r\n');
    const attempt = importRelease(db, { system: 'icd10cm', fiscalYear: 2027, input: truncated, source: 'bad.txt' });
    await expect(attempt).rejects.toThrow(CodeSetImportError);
    await expect(attempt).rejects.toThrow(/order number 6, expected 5/);
    expect((await db.get('active', 'icd10cm'))?.releaseId).toBe(first.id);
    expect((await listReleases(db)).find((r) => r.source === 'bad.txt')?.error).toMatch(/expected 5/);
    db.close();
  });

  it('a later successful import clears failed attempts of the same system', async () => {
    const db = await freshDb();
    await expect(importRelease(db, { system: 'hcpcs', fiscalYear: 2026, input: 'nope\n', source: 'bad.txt' })).rejects.toThrow();
    await importRelease(db, { system: 'hcpcs', fiscalYear: 2026, input: 'A0021\nA0080\n', source: 'hcpcs.txt' });
    expect((await listReleases(db)).map((r) => [r.source, r.status])).toEqual([['hcpcs.txt', 'ready']]);
    db.close();
  });

  it('a code list without its fiscal year is refused', async () => {
    const db = await freshDb();
    await expect(importRelease(db, { system: 'icd10cm', input: orderFile(3), source: 'x.txt' })).rejects.toThrow(/choose the fiscal year/);
    expect(await loadActiveRelease(db, 'icd10cm')).toBeUndefined();
    db.close();
  });
});

describe.skipIf(!hasShared)('importing the official files into IndexedDB', () => {
  it('FY2021 order file + tabular XML + MCE + MS-DRG become one active table', async () => {
    const db = await freshDb();
    const order = await importRelease(db, { system: 'icd10cm', fiscalYear: 2021, input: sharedBytes('icd10cm-fy2021-official/icd10cm-order-Jan-2021.txt.gz'), source: 'icd10cm-order-Jan-2021.txt' });
    expect(order.counts).toEqual({ codes: 95_358, billable: 72_621 });
    await importRelease(db, { system: 'icd10cm-tabular', input: sharedBytes('icd10cm-fy2021-official/icd10cm_tabular_2021.xml'), source: 'icd10cm_tabular_2021.xml' });
    const mce = await importRelease(db, { system: 'mce', input: sharedBytes('mce/mce-v43.1.json'), source: 'mce-v43.1.json' });
    expect(mce).toMatchObject({ version: '43.1', fiscalYear: 2026 });
    await importRelease(db, { system: 'msdrg', input: sharedBytes('msdrg/msdrg-v43.1.json'), source: 'msdrg-v43.1.json' });
    const table = await getActiveTable(db);
    expect(table?.size).toBe(95_358);
    expect(table?.tabularNode('E11.22')?.useAdditionalCode?.[0]?.refs).toEqual([{ from: 'N181', to: 'N186' }]);
    expect(table?.drgAttributes('I50.23')?.severity).toBe('MCC');
    expect(table?.mcePeriods('F02.80')?.[0]?.flags).toEqual(['manifestation']);
    db.close();
  }, 60_000);
});
