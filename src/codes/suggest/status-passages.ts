/**
 * Where status and long-term drug codes are read (status-codes.json `sections`): medication
 * lists and medication orders for drugs; past medical, surgical and social history, the history
 * of present illness, code status and the diagnosis passages for statuses and drugs named in
 * the text. Family history, allergies, the review of systems and study reports never count.
 */
import type { ChartSnapshot, Section } from '../../chart/snapshot.ts';
import { diagnosisPassages, readSections, sentencesOf, statesDiagnoses, type Passage } from './passages.ts';
import { PhraseIndex } from './phrase-index.ts';
import statusJson from './status-codes.json';
import { tokenize, wordsOf } from './tokens.ts';

interface Sections {
  medications: string[];
  notMedications: string[];
  status: string[];
  never: string[];
}

const SECTIONS = (statusJson as unknown as { sections: Sections }).sections;
const STUDY_KINDS = new Set(['imaging-report', 'pathology-report']);
/** Form fields that state a status ("Code status: DNR", "Tobacco use: former"). */
const STATUS_FIELD = /\b(code status|resuscitation|tobacco|smok|dialysis|oxygen)\b/i;
/** Past history sections: a condition listed there is a past condition unless the text says otherwise. */
const PAST = /\b(past|pmh|pmhx|psh|surgical)\b|\bmedical history\b/i;
const MAX_QUOTE = 300;

function titleSet(phrases: readonly string[]): PhraseIndex {
  const index = new PhraseIndex();
  for (const p of phrases) index.add(wordsOf(p), 'x');
  return index;
}
const MEDICATIONS = titleSet(SECTIONS.medications);
const NOT_MEDICATIONS = titleSet(SECTIONS.notMedications);
const STATUS = titleSet(SECTIONS.status);
const NEVER = titleSet(SECTIONS.never);
const has = (index: PhraseIndex, title: string) => index.matches(tokenize(title)).length > 0;

/** What a section is for status reading. */
export function sectionRole(section: Pick<Section, 'title' | 'code'>): 'medications' | 'status' | 'none' {
  const { title } = section;
  if (has(NEVER, title)) return 'none';
  if (has(MEDICATIONS, title) && !has(NOT_MEDICATIONS, title)) return 'medications';
  if (has(STATUS, title)) return 'status';
  return 'none';
}

const clip = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);

/** Passages for status codes (see statusPassages). */
export interface StatusPassages {
  medications: Passage[];
  text: Passage[];
  past: Passage[];
}

/**
 * The passages to read drugs from (lists and orders), statuses from (history and diagnosis text)
 * and the past medical / surgical history sections among them (`past`, marked historical).
 */
export function statusPassages(snapshot: ChartSnapshot): StatusPassages {
  const medications: Passage[] = [];
  const text: Passage[] = [];
  const past: Passage[] = [];
  for (const doc of snapshot.documents) {
    if (STUDY_KINDS.has(doc.kind)) continue;
    for (const section of readSections(doc)) {
      const role = sectionRole(section);
      if (role === 'none' || statesDiagnoses(section)) continue;
      const where = `${doc.title.value}, ${section.title}`;
      const isPast = role === 'status' && PAST.test(section.title);
      for (const sentence of sentencesOf(section.text)) {
        const passage: Passage = { text: sentence, source: { ...section.source, text: clip(sentence) }, where, ...(isPast ? { historical: true } : {}) };
        (role === 'medications' ? medications : text).push(passage);
        if (isPast) past.push(passage);
      }
    }
  }
  for (const order of snapshot.orders) {
    const t = order.text.value.trim();
    if (t) medications.push({ text: t, source: { ...order.text.source, text: clip(t) }, where: 'Orders / medication list' });
  }
  for (const field of snapshot.forms) {
    if (!STATUS_FIELD.test(field.label) || !field.value.trim()) continue;
    const t = `${field.label}: ${field.value}`;
    text.push({ text: t, source: { ...field.source, text: clip(t) }, where: field.label });
  }
  // Diagnosis passages: a resolved problem stays a past condition (passage.historical).
  text.push(...diagnosisPassages(snapshot));
  return { medications, text, past };
}
