import { parseClinicalDate } from '../dates.ts';
import { parsePerson } from '../person.ts';
import type { Field, Person, Signature, SignatureStatus, SourceRef } from '../snapshot.ts';
import { COSIGN_WORDINGS, CREDENTIAL_ALTERNATION, SIGNATURE_WORDINGS } from '../vocabulary.ts';

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
export function parseSignatureLine(text: string, source: SourceRef): Signature | undefined {
  const line: Field = { value: text, source };
  const cosign = COSIGN_WORDINGS.entries.map((entry) => ({ entry, m: entry.re.exec(text) })).find((x) => x.m !== null);
  const cosigned = cosign?.entry.means === 'cosigned' ? cosign.m! : undefined;
  // "Co-signed by X" alone says nothing of the primary signer: read the text before it.
  const primaryText = cosigned ? text.slice(0, cosigned.index) : text;
  let signature: Signature | undefined;
  for (const wording of SIGNATURE_WORDINGS.entries) {
    const m = wording.re.exec(primaryText);
    if (!m) continue;
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

/** "Alice Smith MD" and "Dr. Alice Smith, MD" as a Person with credentials. */
export function personFrom(text: string, source: SourceRef): Person {
  const cleaned = text.trim().replace(/[.,:]+$/, '').replace(TRAILING_CREDENTIAL, ', $1');
  return parsePerson(cleaned, source);
}

const PRINTED_TIME = String.raw`(?:[\sT,@]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4}T))?)?`;
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
