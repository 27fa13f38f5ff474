import { parseClinicalDate } from '../dates.ts';
import { parsePerson } from '../person.ts';
import type { Field, Person, Signature, SignatureStatus, SourceRef } from '../snapshot.ts';

/**
 * Signature lines in the wordings EHRs print under notes and orders, read into a Signature:
 * "Electronically signed by Jane Roe, MD on 11/20/2026 16:45", "Signed and Locked by …",
 * "Authenticated by …", "Dictated but not signed", "Pending signature", "Co-signed by …".
 */

/** Credentials that may follow a name without a comma ("Alice Smith MD"). */
const TRAILING_CREDENTIAL =
  /\s+(MD|DO|NP|APRN|FNP|PA-C|PA|RN|LPN|CRNA|CNM|DPM|DDS|DMD|PhD|PharmD|MBBS|LCSW)\.?$/;

const WHO = String.raw`(?:by:?|:)\s+(.+?)`;
/** Where a name ends: a date, "on"/"at", a separator, or the end of the line. */
const NAME_END = String.raw`(?=\s+(?:on|at)\s|\s*[·|;(]|\s+-\s|\s+\d{1,4}[/-]|,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|$)`;

interface Wording {
  pattern: RegExp;
  status: SignatureStatus;
  /** Whether the matched name signed (gets signedAt) or only dictated/pended. */
  signed: boolean;
}

/** Checked in order: the negative wordings first, so "not signed" never reads as "signed". */
const WORDINGS: Wording[] = [
  { pattern: new RegExp(String.raw`\bdictated\s+${WHO}${NAME_END}.*\bnot\s+(?:yet\s+)?signed\b`, 'i'), status: 'dictated-not-signed', signed: false },
  // "Dictated but not signed · Helen Lee, MD · 11/22/2026": the dictating author may follow.
  { pattern: new RegExp(String.raw`\bdictated\b.*?\bnot\s+(?:yet\s+)?signed\b(?:\s*(?:[·|:-]|by)\s*(.+?)${NAME_END})?`, 'i'), status: 'dictated-not-signed', signed: false },
  { pattern: new RegExp(String.raw`\bpended\b(?:\s+${WHO}${NAME_END})?`, 'i'), status: 'pended', signed: false },
  { pattern: /\b(?:pending|awaiting|needs|requires)\s+(?:signature|authentication|sign-?off)\b|^\s*(?:unsigned|not\s+signed|signature\s+pending)\b/i, status: 'unsigned', signed: false },
  { pattern: new RegExp(String.raw`\b(?:electronically\s+|e-)?signed(?:\s+and\s+locked)?\s+${WHO}${NAME_END}`, 'i'), status: 'signed', signed: true },
  { pattern: new RegExp(String.raw`\b(?:authenticated|attested|verified)\s+${WHO}${NAME_END}`, 'i'), status: 'signed', signed: true },
];

const COSIGNED = new RegExp(String.raw`\bco-?signed\s+${WHO}${NAME_END}(.*)$`, 'i');
const COSIGN_NEEDED = /\bco-?signature\s+(?:required|needed|pending)|\b(?:awaiting|pending|needs|requires)\s+co-?signature\b/i;

/** True when `text` reads like a signature line (cheap pre-check before parsing). */
export function looksLikeSignatureLine(text: string): boolean {
  return /\b(?:signed|unsigned|authenticated|attested|dictated|pended|signature|co-?sign)/i.test(text) && text.length < 400;
}

/** Reads one signature line; undefined when the text carries no signature wording. */
export function parseSignatureLine(text: string, source: SourceRef): Signature | undefined {
  const line: Field = { value: text, source };
  const cosign = COSIGNED.exec(text);
  // "Co-signed by X" alone says nothing of the primary signer: read the text before it.
  const primaryText = cosign ? text.slice(0, cosign.index) : text;
  let signature: Signature | undefined;
  for (const wording of WORDINGS) {
    const m = wording.pattern.exec(primaryText);
    if (!m) continue;
    signature = { status: wording.status, line };
    const name = m[1];
    if (name) {
      signature.signer = personFrom(name, source);
      const at = wording.signed ? dateAfter(primaryText.slice(m.index + m[0].length), source) : undefined;
      if (at) signature.signedAt = at;
    }
    break;
  }
  if (cosign) {
    signature ??= { status: 'signed', line };
    signature.cosigner = personFrom(cosign[1]!, source);
    const at = dateAfter(cosign[2] ?? '', source);
    if (at) signature.cosignedAt = at;
  } else if (COSIGN_NEEDED.test(text)) {
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
