import codeColumns from './vocabulary/code-columns.json';
import credentials from './vocabulary/credentials.json';
import deficiencyTypes from './vocabulary/deficiency-types.json';
import documentKinds from './vocabulary/document-kinds.json';
import documentLabels from './vocabulary/document-labels.json';
import encounterKinds from './vocabulary/encounter-kinds.json';
import encounterLabels from './vocabulary/encounter-labels.json';
import orderColumns from './vocabulary/order-columns.json';
import orderKinds from './vocabulary/order-kinds.json';
import patientLabels from './vocabulary/patient-labels.json';
import signatureStatuses from './vocabulary/signature-statuses.json';
import signatureWordings from './vocabulary/signature-wordings.json';
import { foldSpace } from './dom/text.ts';

/**
 * EHR knowledge as data: the words EHRs print for labels, statuses, document kinds, order kinds
 * and column headers live in `vocabulary/*.json`, and this one loader reads them. The generic
 * reader's code knows page structure only; what the words mean comes from here, so teaching it
 * a new EHR's wording is a data change with an example beside it.
 */

export interface VocabularyEntry {
  means: string;
  /** A regular expression source, matched case-insensitively. */
  pattern: string;
  /** Wordings this entry must read (checked by a test). */
  examples?: string[];
  /** Wordings it must not read as `means`. */
  counterExamples?: string[];
  /** Signature wordings: the captured name signed (the date after it is the signature time). */
  signed?: boolean;
}

export interface VocabularyFile {
  $comment?: string;
  /** 'whole': the pattern must match the whole (folded) text, as for labels; 'search': anywhere. */
  match: 'whole' | 'search';
  entries: VocabularyEntry[];
  cosign?: VocabularyEntry[];
  /** Signature wordings: sentences inside a signature line that are not the signer (dropped). */
  statements?: VocabularyEntry[];
  /** Signature wordings: what a wording may capture that names a role, not a person. */
  notSigners?: VocabularyEntry[];
}

export interface CompiledEntry {
  means: string;
  re: RegExp;
  signed: boolean;
}

export interface Vocabulary {
  name: string;
  entries: CompiledEntry[];
  /** What the text means: the first entry that reads it. */
  lookup(text: string): string | undefined;
  /** Entries that could not be compiled, each naming its file and entry. */
  errors: string[];
}

/** Where signature wordings put the signer's name and where a name ends. */
const PLACEHOLDERS: Record<string, string> = {
  '{WHO}': String.raw`(?:by:?|:)\s+(.+?)`,
  '{NAME_END}': String.raw`(?=\s+(?:on|at)\s|\s*[·|;(@—–]|\s+-\s|\s+\d{1,4}[/-]|\s{2,}|,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\s+\d{1,2}:\d{2}|$)`,
};

/** Label text as vocabularies match it: folded, without a trailing colon, asterisk or dots. */
export function normalLabel(text: string): string {
  return foldSpace(text).replace(/[\s*:：.]+$/, '').replace(/^[\s*]+/, '');
}

/** Compiles a vocabulary file; a bad entry is reported (file, entry, why) and skipped. */
export function compileVocabulary(name: string, file: VocabularyFile, entries: VocabularyEntry[] = file.entries): Vocabulary {
  const errors: string[] = [];
  const compiled: CompiledEntry[] = [];
  entries.forEach((entry, index) => {
    try {
      if (typeof entry.means !== 'string' || typeof entry.pattern !== 'string') throw new Error('needs "means" and "pattern" strings');
      let source = entry.pattern;
      for (const [key, value] of Object.entries(PLACEHOLDERS)) source = source.split(key).join(value);
      const re = new RegExp(file.match === 'whole' ? `^(?:${source})$` : source, 'i');
      compiled.push({ means: entry.means, re, signed: entry.signed === true });
    } catch (error) {
      errors.push(`vocabulary/${name}.json, entry ${index + 1} ("${String(entry.means)}"): ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const prepare = file.match === 'whole' ? normalLabel : (text: string) => text;
  // One pass over the text says whether any entry could read it: most lines of a page hold
  // no label or status at all, and trying each entry's pattern on each line is the reader's cost.
  let any: RegExp | undefined;
  try {
    any = compiled.length > 1 ? new RegExp(compiled.map((e) => `(?:${e.re.source})`).join('|'), 'i') : undefined;
  } catch {
    any = undefined;
  }
  return {
    name,
    entries: compiled,
    errors,
    lookup(text) {
      const t = prepare(text);
      if (!t || (any && !any.test(t))) return undefined;
      return compiled.find((e) => e.re.test(t))?.means;
    },
  };
}

const FILES = {
  'patient-labels': patientLabels,
  'encounter-labels': encounterLabels,
  'encounter-kinds': encounterKinds,
  'document-kinds': documentKinds,
  'document-labels': documentLabels,
  'signature-statuses': signatureStatuses,
  'signature-wordings': signatureWordings,
  'order-kinds': orderKinds,
  'order-columns': orderColumns,
  'code-columns': codeColumns,
  'deficiency-types': deficiencyTypes,
  credentials,
} as Record<string, VocabularyFile>;

/** Every vocabulary file by name, for the test that checks each entry's examples. */
export const VOCABULARY_FILES: Readonly<Record<string, VocabularyFile>> = FILES;

const load = (name: string) => compileVocabulary(name, FILES[name]!);

export const PATIENT_LABELS = load('patient-labels');
export const ENCOUNTER_LABELS = load('encounter-labels');
export const ENCOUNTER_KINDS = load('encounter-kinds');
export const DOCUMENT_KINDS = load('document-kinds');
export const DOCUMENT_LABELS = load('document-labels');
export const SIGNATURE_STATUSES = load('signature-statuses');
export const SIGNATURE_WORDINGS = load('signature-wordings');
export const COSIGN_WORDINGS = compileVocabulary('signature-wordings', FILES['signature-wordings']!, FILES['signature-wordings']!.cosign ?? []);
export const SIGNATURE_STATEMENTS = compileVocabulary('signature-wordings', FILES['signature-wordings']!, FILES['signature-wordings']!.statements ?? []);
export const NOT_SIGNERS = compileVocabulary('signature-wordings', FILES['signature-wordings']!, FILES['signature-wordings']!.notSigners ?? []);
export const ORDER_KINDS = load('order-kinds');
export const ORDER_COLUMNS = load('order-columns');
export const CODE_COLUMNS = load('code-columns');
export const DEFICIENCY_TYPES = load('deficiency-types');
export const CREDENTIALS = load('credentials');
/**
 * Every credential as one alternation in its printed case, for patterns that find a credential
 * after a name without a comma ("Alice Smith MD"), where case is what tells "MD" from a word.
 */
export const CREDENTIAL_ALTERNATION = CREDENTIALS.entries.map((e) => e.re.source.replace(/^\^\(\?:(.*)\)\$$/, '$1')).join('|');

/** Errors of every vocabulary, for the CLI and the meta test. */
export const VOCABULARY_ERRORS: string[] = [
  PATIENT_LABELS, ENCOUNTER_LABELS, ENCOUNTER_KINDS, DOCUMENT_KINDS, DOCUMENT_LABELS, SIGNATURE_STATUSES, SIGNATURE_WORDINGS,
  COSIGN_WORDINGS, SIGNATURE_STATEMENTS, NOT_SIGNERS, ORDER_KINDS, ORDER_COLUMNS, CODE_COLUMNS, DEFICIENCY_TYPES, CREDENTIALS,
].flatMap((v) => v.errors);
