/**
 * Codes are stored the way CMS ships them in the code and order files: upper case, no dot
 * (E1122). Charts show them with a dot (E11.22) and sometimes in lower case or with spaces,
 * so every lookup goes through {@link normalizeCode} first.
 */

/** Strips dots, blanks and case from a code as written in a chart. */
export function normalizeCode(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code.charCodeAt(i);
    if (ch === 46 || ch === 32 || ch === 9) continue; // '.', ' ', tab
    out += ch >= 97 && ch <= 122 ? String.fromCharCode(ch - 32) : code[i];
  }
  return out;
}

/** ICD-10-CM display form: a dot after the category (E1122 -> E11.22, E11 -> E11). */
export function dotted(code: string): string {
  const c = normalizeCode(code);
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/** Shape of an ICD-10-CM code (letter, digit, alphanumeric, then up to four more). */
export const ICD10CM_PATTERN = /^[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$/;

/** Shape of an ICD-10-PCS code: seven characters from 0-9 and A-Z without I and O. */
export const ICD10PCS_PATTERN = /^[0-9A-HJ-NP-Z]{7}$/;

/** Shape of a HCPCS Level II code: a letter and four digits. */
export const HCPCS_PATTERN = /^[A-Z][0-9]{4}$/;
