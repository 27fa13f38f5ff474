import { describe, expect, it } from 'vitest';
import { snapshotFromCase } from '../../../src/engine/case-snapshot.ts';
import { equalitiesOf, EqualityIndex } from '../../../src/engine/equality-index.ts';
import { createEvaluator } from '../../../src/engine/evaluate.ts';
import type { FactContext } from '../../../src/engine/facts/fact.ts';
import { KeywordIndex } from '../../../src/engine/keyword-index.ts';
import type { RuleSpec } from '../../../src/engine/rule.ts';
import { tokenize } from '../../../src/engine/terms.ts';

const contextOf = (facts: Record<string, unknown>): FactContext =>
  ({
    fact: (id: string) => {
      if (id === 'broken') throw new Error('broken fact');
      return facts[id];
    },
  }) as unknown as FactContext;

describe('EqualityIndex', () => {
  it('gives the rules whose equal conditions all hold, and the unindexed ones', () => {
    const index = new EqualityIndex<string>();
    index.add(equalitiesOf({ all: [{ fact: 'item', path: 'a', operator: 'equal', value: 'x' }, { fact: 'item', path: 'b', operator: 'equal', value: 1 }] }), 'ax-b1');
    index.add(equalitiesOf({ all: [{ fact: 'item', path: 'b', operator: 'equal', value: 1 }, { fact: 'item', path: 'a', operator: 'equal', value: 'y' }] }), 'ay-b1');
    index.add(equalitiesOf({ any: [{ fact: 'item', path: 'a', operator: 'equal', value: 'x' }] }), 'any');
    const found = (item: unknown) => {
      const out: string[] = [];
      index.candidates(contextOf({ item }), out);
      return out.sort();
    };
    expect(found({ a: 'x', b: 1 })).toEqual(['any', 'ax-b1']);
    expect(found({ a: 'y', b: 1 })).toEqual(['any', 'ay-b1']);
    expect(found({ a: 'x', b: '1' })).toEqual(['any']);
    expect(found(undefined)).toEqual(['any']);
  });

  it('keeps every rule of a bucket a candidate when its fact throws, so each is reported', () => {
    const index = new EqualityIndex<string>();
    index.add(equalitiesOf({ fact: 'broken', operator: 'equal', value: true }), 'r');
    const out: string[] = [];
    index.candidates(contextOf({}), out);
    expect(out).toEqual(['r']);
  });
});

describe('KeywordIndex', () => {
  it('finds whole-word terms and phrases once per text, like containsAnyTerm', () => {
    const index = new KeywordIndex<{ id: string }>();
    const pa = { id: 'pa' };
    const chest = { id: 'chest' };
    index.add('PA', pa);
    index.add('chest pain', chest);
    index.add('pain', chest);
    const found = (text: string) => {
      const out: { id: string }[] = [];
      index.collect(tokenize(text), out);
      return out.map((r) => r.id);
    };
    expect(found('Seen by PA-C; chest pain, pain again')).toEqual(['pa', 'chest']);
    expect(found('spain and chest')).toEqual([]);
  });
});

const rule = (id: string, conditions: RuleSpec['conditions'], extra: Partial<RuleSpec> = {}): RuleSpec => ({
  id, pack: 'test', scope: 'document', title: id, category: 'authentication', severity: 'warning', citation: 'test', message: id, conditions, ...extra,
});

describe('the evaluator with and without its index', () => {
  const rules: RuleSpec[] = [
    rule('keyword-signed', { all: [{ fact: 'documentText', operator: 'containsAnyTerm', value: ['chest pain', 'fever'] }, { fact: 'item', path: 'signature.status', operator: 'equal', value: 'signed' }] }),
    rule('keyword-alone', { all: [{ fact: 'documentText', operator: 'containsAnyTerm', value: ['fever'] }] }),
    rule('unsigned-or-pended', { any: [{ fact: 'item', path: 'signature.status', operator: 'equal', value: 'unsigned' }, { fact: 'item', path: 'signature.status', operator: 'equal', value: 'pended' }] }),
    rule('two-equalities', { all: [{ fact: 'item', path: 'signature.status', operator: 'equal', value: 'unsigned' }, { fact: 'item', path: 'kind', operator: 'equal', value: 'progress-note' }] }),
    rule('not-signed', { all: [{ not: { fact: 'item', path: 'signature.status', operator: 'equal', value: 'signed' } }, { fact: 'item', path: 'title', operator: 'isPresent', value: true }] }),
    rule('per-kind', { all: [{ fact: 'item', path: 'signature.status', operator: 'notEqual', value: 'signed' }] }, { appliesTo: ['progress-note'] }),
  ];
  const chart = snapshotFromCase({
    documents: [
      { id: 'a', kind: 'progress-note', title: 'Progress Note', sections: [{ title: 'HPI', text: 'Chest pain since noon.' }], signature: { status: 'signed' } },
      { id: 'b', kind: 'progress-note', title: 'Progress Note', sections: [{ title: 'HPI', text: 'Fever.' }], signature: { status: 'unsigned' } },
      { id: 'c', kind: 'consultation', title: 'Consult', sections: [{ title: 'HPI', text: 'No fevers; chest, pain.' }], signature: { status: 'pended' } },
    ],
  });

  it('gives the same findings and explanations', async () => {
    const indexed = await createEvaluator([{ name: 'test', rules }]).evaluate(chart);
    const unfiltered = await createEvaluator([{ name: 'test', rules }], {}, { prefilter: false }).evaluate(chart);
    expect(indexed).toEqual(unfiltered);
    expect(indexed.map((f) => `${f.rule}:${f.subject}`).sort()).toEqual(
      ['keyword-alone:b', 'keyword-signed:a', 'not-signed:b', 'not-signed:c', 'unsigned-or-pended:b', 'unsigned-or-pended:c', 'two-equalities:b', 'per-kind:b'].sort(),
    );
    expect(indexed.find((f) => f.rule === 'keyword-signed')!.explanation.map((s) => s.operator)).toEqual(['containsAnyTerm', 'equal']);
  });
});
