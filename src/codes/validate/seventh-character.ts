/**
 * 7th character and placeholder X (ICD-10-CM guideline I.A.5-6): codes of categories such as
 * S72 or T36 need a 7th character (A initial, D subsequent, S sequela, ...); a code shorter
 * than six characters is filled with X up to the sixth before the 7th is added (T07 -> T07.XXXA).
 *
 * The 7th-character definitions come from the tabular notes when imported; without them (the
 * starter table) the requirement is read from the code list itself: the release's billable
 * codes below the X-filled stem are seven characters long.
 */
import { normalizeCode } from '../code-format.ts';
import type { CodeTable } from '../table.ts';

export type SeventhCharacterStatus = 'not-required' | 'ok' | 'missing-seventh' | 'missing-placeholder' | 'invalid-seventh';

export interface SeventhCharacterCheck {
  code: string;
  status: SeventhCharacterStatus;
  /** The stem to complete (X-filled to six characters), e.g. T07XXX. */
  stem?: string;
  /** Allowed 7th characters and their meaning ('' when only the code list is known). */
  allowed?: Record<string, string>;
  /** A corrected code, when the only thing missing is the placeholder X. */
  suggestion?: string;
}

export function seventhCharacterCheck(table: CodeTable, rawCode: string): SeventhCharacterCheck {
  const code = normalizeCode(rawCode);
  if (table.get(code)?.billable) {
    return code.length === 7 && allowedFor(table, code.slice(0, 6)) ? { code, status: 'ok' } : { code, status: 'not-required' };
  }
  // The 7th character without its placeholders: S0990A written for S09.90XA.
  if (code.length >= 4 && code.length < 7) {
    const withX = code.slice(0, -1).padEnd(6, 'X') + code.slice(-1);
    if (table.get(withX)?.billable) return { code, status: 'missing-placeholder', stem: withX.slice(0, 6), suggestion: withX };
  }
  if (code.length === 7) {
    const stem = code.slice(0, 6);
    const allowed = allowedFor(table, stem);
    if (allowed && !(code.slice(6) in allowed)) return { code, status: 'invalid-seventh', stem, allowed };
    return { code, status: 'not-required' };
  }
  const stem = code.padEnd(6, 'X');
  const allowed = allowedFor(table, stem);
  if (!allowed) return { code, status: 'not-required' };
  return { code, status: code.length < 6 ? 'missing-placeholder' : 'missing-seventh', stem, allowed };
}

/** 7th characters valid after `stem`, or undefined when the stem takes none. */
function allowedFor(table: CodeTable, stem: string): Record<string, string> | undefined {
  const fromCodes = table.withPrefix(stem, 40).filter((e) => e.billable && e.code.length === 7);
  if (fromCodes.length === 0) return undefined;
  const definitions = table
    .notesFor(stem)
    .map((level) => level.seventhCharacters)
    .filter((d) => d !== undefined)
    .pop();
  const allowed: Record<string, string> = {};
  for (const e of fromCodes) allowed[e.code.slice(6)] = definitions?.[e.code.slice(6)] ?? '';
  return allowed;
}
