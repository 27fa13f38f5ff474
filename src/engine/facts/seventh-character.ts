import { activeCodeTable } from '../../codes/active-table.ts';
import { icd10cmCodeOf } from '../../codes/chart-codes.ts';
import { dotted } from '../../codes/code-format.ts';
import { seventhCharacterCheck } from '../../codes/validate/seventh-character.ts';
import type { CodedItem } from '../../chart/snapshot.ts';
import type { FactDefinition } from './fact.ts';

/**
 * The 7th-character / placeholder-X check of the diagnosis code: `status` ok, not-required,
 * missing-seventh, missing-placeholder or invalid-seventh, with the stem to complete, the
 * allowed characters, the corrected code where only the X is missing, and `advice` in words.
 */
export const seventhCharacter: FactDefinition = {
  id: 'seventhCharacter',
  description: '7th character and placeholder X of the diagnosis code',
  dependsOn: 'item',
  scopes: ['diagnosis'],
  compute: ({ item }) => {
    const code = icd10cmCodeOf(item as CodedItem);
    if (!code) return undefined;
    const check = seventhCharacterCheck(activeCodeTable(), code);
    const stem = check.stem ? dotted(check.stem) : '';
    const allowed = Object.keys(check.allowed ?? {}).join(', ');
    const suggestion = check.suggestion ? dotted(check.suggestion) : '';
    const advice = suggestion
      ? `write ${suggestion} (placeholder X before the 7th character)`
      : check.status === 'invalid-seventh'
        ? `${code.slice(6)} is not a 7th character of ${stem} (${allowed})`
        : check.status === 'missing-placeholder'
          ? `fill with X to ${stem} and add a 7th character (${allowed})`
          : `add a 7th character (${allowed}) after ${stem}`;
    return { code: dotted(code), status: check.status, stem, allowed, suggestion, advice };
  },
};
