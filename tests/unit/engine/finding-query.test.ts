// A rule's `query` template becomes the finding's `query`: the draft a CDI specialist sends,
// kept out of `detail` so the panel can show and copy it whole.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotFromCase } from '../../../src/engine/case-snapshot.ts';
import { createEvaluator } from '../../../src/engine/evaluate.ts';
import { readPackFiles } from '../../../src/engine/node-packs.ts';
import { loadPacks, type PackFile } from '../../../src/engine/packs.ts';

const good = readFileSync(new URL('../../../rules/authentication/document-unsigned.json', import.meta.url), 'utf8');
const rule = (overrides: Record<string, unknown>): PackFile => ({
  path: 'authentication/document-unsigned.json',
  text: JSON.stringify({ ...(JSON.parse(good) as object), ...overrides }),
});
const unsignedOnly = { all: [{ fact: 'item', path: 'signature.status', operator: 'equal', value: 'unsigned' }] };

describe('a rule with a query template', () => {
  it('renders it into the finding, and leaves it out where it renders blank', async () => {
    const { packs, errors } = loadPacks([rule({ conditions: unsignedOnly, query: 'Please sign {{item.title}} ({{item.author|}}).\n{{item.author|}}' })]);
    expect(errors).toEqual([]);
    const findings = await createEvaluator(packs).evaluate(
      snapshotFromCase({
        documents: [
          { id: 'a', title: 'Progress Note', author: 'Ann Lee, MD', signature: { status: 'unsigned' } },
          { id: 'b', title: 'Consult', signature: { status: 'unsigned' } },
        ],
      }),
    );
    const bySubject = new Map(findings.map((f) => [f.subject, f]));
    expect(bySubject.get('a')?.query).toBe('Please sign Progress Note (Ann Lee, MD).\nAnn Lee, MD');
    expect(bySubject.get('b')?.query).toBe('Please sign Consult ().');

    const blank = loadPacks([rule({ conditions: unsignedOnly, query: '{{item.author|}}' })]);
    const [quiet] = await createEvaluator(blank.packs).evaluate(snapshotFromCase({ documents: [{ id: 'b', title: 'Consult', signature: { status: 'unsigned' } }] }));
    expect(quiet?.rule).toBe('document-unsigned');
    expect(quiet).not.toHaveProperty('query');
  });

  it.each([
    ['an unknown fact', { query: '{{weather.today}}' }, /unknown fact "weather"/],
    ['a value that is not text', { query: 3 }, /does not match rules\/schema\.json/],
  ])('is rejected for %s, naming the rule', (_what, overrides, message) => {
    const { packs, errors } = loadPacks([rule(overrides)]);
    expect(errors).toMatchObject([{ pack: 'authentication', rule: 'document-unsigned' }]);
    expect(errors[0]!.message).toMatch(message);
    expect(packs[0]!.rules).toEqual([]);
  });
});

describe('the shipped rules that draft queries', () => {
  const { packs } = loadPacks(readPackFiles(resolve(import.meta.dirname, '../../../rules'), ['coding', 'documentation']));
  const encounter = { kind: 'inpatient', admittedAt: '11/18/2026 08:00', dischargedAt: '11/20/2026 14:00' };
  const hp = (assessment: string) => ({
    kind: 'history-and-physical',
    title: 'H&P',
    sections: [
      { title: 'Physical examination', text: '2+ pitting edema. JVP elevated.' },
      { title: 'Assessment and plan', text: assessment },
    ],
  });

  it('query-unspecified-diagnosis: the draft is the query, not the detail or the message', async () => {
    const findings = await createEvaluator(packs).evaluate(
      snapshotFromCase({ encounter, documents: [hp('Heart failure: IV furosemide.')], diagnoses: [{ code: { system: 'ICD-10-CM', code: 'I50.9' }, text: 'Heart failure', role: 'secondary' }] }),
    );
    const finding = findings.find((f) => f.rule === 'query-unspecified-diagnosis');
    expect(finding?.query).toMatch(/^Documentation clarification: heart failure/);
    expect(finding?.query).toContain('- "JVP elevated." (H&P, Physical examination)');
    expect(finding?.query).toContain('[ ] Clinically undetermined');
    expect(finding?.detail).toBeUndefined();
    expect(finding?.message).not.toContain('Documentation clarification');
  });

  it('documented-diagnosis-not-coded: a query only where a draft applies; the detail keeps the reason', async () => {
    const findings = await createEvaluator(packs).evaluate(
      snapshotFromCase({ encounter, documents: [hp('Heart failure: IV furosemide. Acute kidney injury: hold lisinopril.')], diagnoses: [{ code: { system: 'ICD-10-CM', code: 'J18.9' }, text: 'Pneumonia', role: 'principal' }] }),
    );
    const documented = new Map(findings.filter((f) => f.rule === 'documented-diagnosis-not-coded').map((f) => [f.subject, f]));
    const hf = documented.get('documented:I50.9');
    expect(hf?.query).toContain('Please clarify the type and acuity of the heart failure');
    expect(hf?.detail).toBe('Documented in H&P, Assessment and plan and not coded on the chart.');
    // No query template covers acute kidney failure: the finding has no draft.
    expect(documented.get('documented:N17.9')).toBeDefined();
    expect(documented.get('documented:N17.9')).not.toHaveProperty('query');
  });
});
