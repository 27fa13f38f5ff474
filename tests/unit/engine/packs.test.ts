import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/engine/evaluate.ts';
import { loadPacks, type PackFile } from '../../../src/engine/packs.ts';
import { snapshotFromCase } from '../../../src/engine/case-snapshot.ts';

const good = readFileSync(new URL('../../../rules/authentication/document-unsigned.json', import.meta.url), 'utf8');
const rule = (overrides: Record<string, unknown>) => JSON.stringify({ ...(JSON.parse(good) as object), ...overrides });
const file = (path: string, text: string): PackFile => ({ path, text });

describe('loadPacks', () => {
  it('loads a good rule', () => {
    const { packs, errors } = loadPacks([file('authentication/document-unsigned.json', good)]);
    expect(errors).toEqual([]);
    expect(packs[0]!.rules.map((r) => r.id)).toEqual(['document-unsigned']);
  });

  it.each([
    ['invalid JSON', '{ "id": ', /not valid JSON/],
    ['a schema violation', rule({ severity: 'fatal' }), /severity.*does not match any of/],
    ['an unknown operator', rule({ conditions: { all: [{ fact: 'item', operator: 'resembles', value: 1 }] } }), /unknown operator "resembles"/],
    ['an unknown fact', rule({ conditions: { all: [{ fact: 'mood', operator: 'equal', value: 1 }] } }), /unknown fact "mood"/],
    ['a bad path', rule({ conditions: { all: [{ fact: 'item', path: '$.signature..status', operator: 'equal', value: 1 }] } }), /path/],
    ['an unknown fact in the message', rule({ message: 'by {{weather.today}}' }), /unknown fact "weather"/],
    ['a bad operator value', rule({ conditions: { all: [{ fact: 'item', path: 'title.value', operator: 'matchesPattern', value: '(' }] } }), /invalid regular expression/],
    ['an id that is not the file name', rule({ id: 'something-else' }), /differs from the file name/],
    ['an unknown shared condition', rule({ conditions: { all: [{ condition: 'nope' }] } }), /unknown shared condition "nope"/],
  ])('reports %s, naming pack, file and rule, and loads the rest', (_what, text, message) => {
    const { packs, errors } = loadPacks([
      file('authentication/document-unsigned.json', text),
      file('authentication/pended-document.json', rule({ id: 'pended-document' })),
      file('other/pack.json', '{"name": "other"}'),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ pack: 'authentication', file: 'authentication/document-unsigned.json', rule: 'document-unsigned' });
    expect(errors[0]!.message).toMatch(message);
    expect(packs.map((p) => [p.name, p.rules.map((r) => r.id)])).toEqual([['authentication', ['pended-document']], ['other', []]]);
  });

  it('reports a malformed pack.json and still loads its rules', () => {
    const { packs, errors } = loadPacks([file('authentication/pack.json', '{"name": 3}'), file('authentication/document-unsigned.json', good)]);
    expect(errors).toMatchObject([{ pack: 'authentication', file: 'authentication/pack.json' }]);
    expect(packs[0]!.rules).toHaveLength(1);
  });
});

describe('a rule that throws while running', () => {
  it('is reported once and skipped while the other rules still run', async () => {
    // `in` against a non-list value throws inside json-rules-engine and in the index alike.
    const throwing = rule({ id: 'throws', conditions: { all: [{ fact: 'item', path: 'signature.status', operator: 'in', value: { fact: 'item', path: 'nothing' } }] } });
    const { packs, errors } = loadPacks([file('authentication/throws.json', throwing), file('authentication/document-unsigned.json', good)]);
    expect(errors).toEqual([]);
    const evaluator = createEvaluator(packs);
    const snapshot = snapshotFromCase({ documents: [{ id: 'a', author: 'Ann Lee, MD', signature: { status: 'unsigned' } }, { id: 'b', author: 'Ann Lee, MD', signature: { status: 'unsigned' } }] });
    const findings = await evaluator.evaluate(snapshot);
    expect(findings.map((f) => `${f.rule}:${f.subject}`)).toEqual(['document-unsigned:a', 'document-unsigned:b']);
    expect(evaluator.errors).toMatchObject([{ pack: 'authentication', file: 'authentication/throws.json', rule: 'throws' }]);
  });
});
