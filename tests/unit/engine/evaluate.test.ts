import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotFromCase } from '../../../src/engine/case-snapshot.ts';
import { createEvaluator } from '../../../src/engine/evaluate.ts';
import { readPackFiles } from '../../../src/engine/node-packs.ts';
import { loadPacks } from '../../../src/engine/packs.ts';

const { packs } = loadPacks(readPackFiles(resolve(import.meta.dirname, '../../../rules')));

const chart = (secondStatus: string) =>
  snapshotFromCase({
    source: { url: 'http://ehr.test/chart/1', extractedAt: '2026-01-15T12:00' },
    patient: { mrn: '123' },
    documents: [
      { id: 'a', title: 'Progress Note', author: 'Ann Lee, MD', createdAt: '01/14/2026 09:00', signature: { status: 'unsigned' } },
      { id: 'b', title: 'Consult', signature: { status: secondStatus } },
    ],
    orders: [{ id: 'o1', kind: 'verbal', text: 'Furosemide', orderedAt: '01/10/2026 08:00', signature: { status: 'unsigned' } }],
  });

describe('createEvaluator', () => {
  it('gives findings with message, evidence, explanation and a stable fingerprint', async () => {
    const findings = await createEvaluator(packs).evaluate(chart('signed'));
    const unsigned = findings.find((f) => f.rule === 'document-unsigned')!;
    expect(unsigned).toMatchObject({
      pack: 'authentication',
      category: 'authentication',
      severity: 'error',
      subject: 'a',
      citation: '42 CFR 482.24(c)(1)',
      message: 'Progress Note by Ann Lee, MD (01/14/2026 09:00) is not signed.',
    });
    expect(unsigned.evidence.map((e) => e.text)).toEqual(['Progress Note', 'Ann Lee']);
    expect(unsigned.explanation).toEqual([
      { fact: 'item', path: 'signature.status', operator: 'equal', expected: 'unsigned', actual: 'unsigned', result: true },
      { fact: 'item', path: 'author', operator: 'isPresent', expected: true, actual: 'Ann Lee, MD', result: true },
      { fact: 'item', path: 'createdAt', operator: 'isPresent', expected: true, actual: '01/14/2026 09:00', result: true },
    ]);
    const again = await createEvaluator(packs).evaluate(chart('signed'));
    expect(again.map((f) => f.fingerprint)).toEqual(findings.map((f) => f.fingerprint));
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  });

  it('explains threshold rules with the values seen, settings included', async () => {
    const findings = await createEvaluator(packs, { verbalOrderHours: 24 }).evaluate(chart('signed'));
    const order = findings.find((f) => f.rule === 'verbal-order-not-authenticated')!;
    expect(order.message).toContain('within 24 h');
    expect(order.explanation).toContainEqual(
      expect.objectContaining({ fact: 'itemToNow', operator: 'hoursExceed', expected: 24, result: true }),
    );
  });

  it('lists errors first and in the same order every time', async () => {
    const findings = await createEvaluator(packs).evaluate(chart('pended'));
    const severities = findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(findings.map((f) => f.rule)).toEqual(['document-unsigned', 'verbal-order-not-authenticated', 'pended-document']);
  });

  it('re-evaluates only the changed document and gives the same findings as a full run', async () => {
    const evaluator = createEvaluator(packs);
    await evaluator.evaluate(chart('signed'));
    const incremental = await evaluator.evaluate(chart('pended'), { changedDocumentIds: ['b'] });
    const full = await createEvaluator(packs).evaluate(chart('pended'));
    expect(incremental).toEqual(full);
    // Not told that b changed: its previous (signed, no finding) result is kept.
    const stale = await evaluator.evaluate(chart('unsigned'), { changedDocumentIds: ['a'] });
    expect(stale.map((f) => `${f.rule}:${f.subject}`)).toContain('pended-document:b');
  });
});
