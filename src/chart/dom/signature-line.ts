import { parseClinicalDate } from '../dates.ts';
import { parsePerson } from '../person.ts';
import type { Field, Person, Signature, SignatureStatus, SourceRef } from '../snapshot.ts';
import { COSIGN_WORDINGS, CREDENTIAL_ALTERNATION, NOT_SIGNERS, SIGNATURE_STATEMENTS, SIGNATURE_WORDINGS } from '../vocabulary.ts';

/**
 * Signature lines in the wordings EHRs print under notes and orders, read into a Signature:
 * "Electronically signed by Jane Roe, MD on 11/20/2026 16:45", "Signed and Locked by …",
 * "Authenticated by …", "Dictated but not signed", "Pending signature", "Co-signed by …".
 */

/** Credentials that may follow a name without a comma ("Alice Smith MD"). */
const TRAILING_CREDENTIAL = new RegExp(`\\s+(${CREDENTIAL_ALTERNATION})\\.?$`);

/** True when `text` reads like a signature line (cheap pre-check before parsing). */
export function looksLikeSignatureLine(text: string): boolean {
  return /\b(?:signed|unsigned|authenticated|attested|dictated|transcribed|pended|signature|co-?sign|verified|finalized|approved)|\/es\//i.test(text) && text.length < 400;
}

/** Reads one signature line; undefined when the text carries no signature wording. */
export function parseSignatureLine(printed: string, source: SourceRef): Signature | undefined {
  // "In Progress = saved, not signed · Transcribed = dictated, awaiting signature": a legend
  // says what the status words mean, and signs nothing.
  if ((printed.match(/\s=\s/g)?.length ?? 0) >= 2) return undefined;
  const line: Field = { value: printed, source };
  // "Electronic signature: I certify that … by me. — Jo Roe, RN · Signed …": the attestation
  // is no name; the signer is the one printed after it.
  const text = withoutStatements(printed);
  const cosign = COSIGN_WORDINGS.entries.map((entry) => ({ entry, m: entry.re.exec(text) })).find((x) => x.m !== null);
  const cosigned = cosign?.entry.means === 'cosigned' ? cosign.m! : undefined;
  // "Co-signed by X" alone says nothing of the primary signer: read the text before it.
  const primaryText = cosigned ? text.slice(0, cosigned.index) : text;
  let signature: Signature | undefined;
  for (const wording of SIGNATURE_WORDINGS.entries) {
    const m = wording.re.exec(primaryText);
    // "e-signed by the documenting user at the time shown": a practice stated, not a signature.
    if (!m || (m[1] && NOT_SIGNERS.lookup(m[1]) !== undefined)) continue;
    signature = { status: wording.means as SignatureStatus, line };
    const rest = primaryText.slice(m.index + m[0].length);
    const name = m[1]?.trim();
    // "Signed: 04/08/2026 15:42" names no one: what follows the wording is the time.
    if (name && !/^\d/.test(name)) {
      signature.signer = personFrom(name, source);
      const at = wording.signed ? dateAfter(rest, source) : undefined;
      if (at) signature.signedAt = at;
    } else if (wording.signed) {
      const at = dateAfter(`${name ?? ''}${rest}`, source);
      if (at) signature.signedAt = at;
    }
    break;
  }
  if (cosigned) {
    signature ??= { status: 'signed', line };
    // "Cosigned: 04/07/2026 16:02" names no one: the time only.
    const who = cosigned[1]?.trim();
    if (who && !/^\d/.test(who)) signature.cosigner = personFrom(who, source);
    const at = dateAfter(who && /^\d/.test(who) ? text.slice(cosigned.index + cosigned[0].indexOf(who)) : cosigned[2] ?? '', source);
    if (at) signature.cosignedAt = at;
  } else if (cosign) {
    signature = { ...(signature ?? { line }), status: 'needs-cosignature' };
  }
  return signature;
}

const STATEMENTS = SIGNATURE_STATEMENTS.entries.map((e) => new RegExp(e.re.source, 'gi'));

function withoutStatements(text: string): string {
  let out = text;
  for (const re of STATEMENTS) out = out.replace(re, ' ');
  return out === text ? text : out.replace(/:\s*[—–-]+\s*/, ': ').replace(/\s{3,}/g, '  ');
}

/**
 * "Dilnoza Yusupova, PA-C – General Surgery", "Ann Lee, MD (Resident, PGY-4)": the service or
 * role printed after the credentials is not part of them.
 */
const ROLE_AFTER_CREDENTIALS = new RegExp(String.raw`^(.*?,\s*(?:${CREDENTIAL_ALTERNATION})(?:,\s*(?:${CREDENTIAL_ALTERNATION}))*)\.?\s*(?:[-–—]\s+[A-Za-z].*|\([^()]*\))$`);

/** "Alice Smith MD" and "Dr. Alice Smith, MD" as a Person with credentials. */
export function personFrom(text: string, source: SourceRef): Person {
  const cleaned = text.trim().replace(ROLE_AFTER_CREDENTIALS, '$1').replace(/[.,:]+$/, '').replace(TRAILING_CREDENTIAL, ', $1');
  return parsePerson(cleaned, source);
}

const PRINTED_TIME = String.raw`(?:[\sT,@]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4}T))?|(?:[\s@-]+|\s+at\s+)(?:[01]\d|2[0-3])[0-5]\d\b)?`;
/** The date (and time) as printed after the name, for quoting beside its ISO reading. */
const PRINTED_DATE = new RegExp(
  String.raw`(?:\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|\d{8,14}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})` + PRINTED_TIME,
  'i',
);

function dateAfter(rest: string, source: SourceRef): Field | undefined {
  const iso = parseClinicalDate(rest.replace(/^\s*(?:on|at|,)\s*/i, ''));
  if (!iso) return undefined;
  const printed = PRINTED_DATE.exec(rest);
  return { value: (printed?.[0] ?? rest).trim().replace(/[,\s]+$/, ''), iso, source };
}
