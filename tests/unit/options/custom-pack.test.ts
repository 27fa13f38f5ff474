import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPackFiles } from '../../../src/engine/node-packs.ts';
import { checkCustomPack, customPackNames, mergeCustomFiles, packNameError, withoutPack } from '../../../src/options/custom-pack.ts';

const bundled = readPackFiles('rules');
const unsigned = JSON.parse(readFileSync('rules/authentication/document-unsigned.json', 'utf8')) as Record<string, unknown>;

/** document-unsigned as a rule of another pack, under another id. */
function copiedRule(pack: string, id: string): string {
  return JSON.stringify({ ...unsigned, id, pack, severity: 'warning' });
}

/** The same rule with an operator json-rules-engine does not know. */
function badOperatorRule(pack: string, id: string): string {
  const rule = JSON.parse(copiedRule(pack, id)) as { conditions: { all: { operator: string }[] } };
  rule.conditions.all[0]!.operator = 'isSortOfEqual';
  return JSON.stringify(rule);
}

describe('checkCustomPack', () => {
  it('accepts a valid rule and names the file and rule of an invalid one', () => {
    const check = checkCustomPack('facility', [
      { name: 'unsigned-copy.json', text: copiedRule('facility', 'unsigned-copy') },
      { name: 'bad-operator.json', text: badOperatorRule('facility', 'bad-operator') },
    ], bundled, []);
    expect(check.valid.map((f) => f.path)).toEqual(['facility/unsigned-copy.json']);
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]).toMatchObject({ pack: 'facility', file: 'facility/bad-operator.json', rule: 'bad-operator' });
    expect(check.errors[0]!.message).toMatch(/isSortOfEqual/);
  });

  it('refuses a rule whose id differs from its file name, and text that is not JSON', () => {
    const check = checkCustomPack('facility', [
      { name: 'other-name.json', text: copiedRule('facility', 'unsigned-copy') },
      { name: 'broken.json', text: '{"id": ' },
    ], bundled, []);
    expect(check.valid).toEqual([]);
    expect(check.errors.map((e) => [e.file, e.rule])).toEqual([
      ['facility/broken.json', 'broken'],
      ['facility/other-name.json', 'other-name'],
    ]);
  });

  it('checks a replacement of a shipped rule within its pack (the rule must name that pack)', () => {
    const ok = checkCustomPack('authentication', [{ name: 'document-unsigned.json', text: copiedRule('authentication', 'document-unsigned') }], bundled, []);
    expect(ok.errors).toEqual([]);
    const wrongPack = checkCustomPack('authentication', [{ name: 'x.json', text: copiedRule('facility', 'x') }], bundled, []);
    expect(wrongPack.errors[0]!.message).toMatch(/differs from the folder/);
  });
});

describe('custom pack names and files', () => {
  it('validates pack names', () => {
    expect(packNameError('facility-bylaws')).toBeUndefined();
    expect(packNameError('')).toMatch(/Enter/);
    expect(packNameError('Facility Rules')).toMatch(/lower-case/);
    expect(packNameError('../x')).toBeDefined();
  });

  it('merges, lists and removes packs', () => {
    const a = { path: 'facility/a.json', text: '1' };
    const b = { path: 'facility/b.json', text: '2' };
    const c = { path: 'other/c.json', text: '3' };
    const merged = mergeCustomFiles([a, c], [{ ...a, text: 'new' }, b]);
    expect(merged.map((f) => `${f.path}=${f.text}`)).toEqual(['facility/a.json=new', 'facility/b.json=2', 'other/c.json=3']);
    expect(customPackNames(merged)).toEqual([{ name: 'facility', files: ['a.json', 'b.json'] }, { name: 'other', files: ['c.json'] }]);
    expect(withoutPack(merged, 'facility')).toEqual([c]);
  });
});
