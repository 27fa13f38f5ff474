/**
 * Where a chart states diagnoses, cut into sentences: the assessment / impression / problem
 * list / diagnoses sections of its documents, its coded diagnoses (problem list, encounter and
 * final diagnoses) and the admitting diagnosis. History, exam and results sections are left
 * out: a word there is a finding or a past event, not a diagnosis the provider states.
 */
import type { ChartDocument, ChartSnapshot, Section, SourceRef } from '../../chart/snapshot.ts';

/** One sentence that may state a diagnosis, with where it stands. */
export interface Passage {
  text: string;
  /** The element it was read from, with `text` set to the sentence (what evidence quotes). */
  source: SourceRef;
  /** "History and Physical, Assessment and plan", "Problem list". */
  where: string;
  /** Set for items of a problem list marked resolved or inactive: a past condition. */
  historical?: boolean;
}

/** Section titles that state diagnoses. */
const DIAGNOSIS_SECTION = /\b(assessments?|impressions?|problems?|diagnos[ie]s|dx|a\s*\/\s*p|a\s*&\s*p)\b/i;
/** ...unless the title says the section is about the past or the family. */
const NOT_CURRENT = /\b(history|past|family|resolved|hx)\b/i;
/** LOINC codes of C-CDA sections that state diagnoses (assessment, A&P, problems, discharge/admission dx). */
const DIAGNOSIS_LOINC = new Set(['51848-0', '51847-2', '11450-4', '11535-2', '29548-5', '46241-6', '42347-5', '78375-3']);
const INACTIVE_STATUS = /\b(resolved|inactive|completed|historical|entered[- ]in[- ]error|refuted)\b/i;
const MAX_QUOTE = 300;

/** True when a section is one where diagnoses are stated. */
export function statesDiagnoses(section: Pick<Section, 'title' | 'code'>): boolean {
  if (section.code && DIAGNOSIS_LOINC.has(section.code)) return true;
  return DIAGNOSIS_SECTION.test(section.title) && !NOT_CURRENT.test(section.title);
}

/**
 * Sentences of a text: split after . ! ? ; and at line breaks, and before a list number glued to
 * the previous item ("output.2. Type 2 ..."). Decimals ("1.4") stay whole.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|[\r\n]+|(?<=[a-z)\]])\.(?=\d{1,2}[.)]\s)/i)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s));
}

function clip(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}

function sectionPassages(doc: ChartDocument, section: Section): Passage[] {
  const where = `${doc.title.value}, ${section.title}`;
  return sentencesOf(section.text).map((text) => ({ text, source: { ...section.source, text: clip(text) }, where }));
}

/** Every passage of the chart where a diagnosis may be stated, in chart order. */
export function diagnosisPassages(snapshot: ChartSnapshot): Passage[] {
  const out: Passage[] = [];
  for (const doc of snapshot.documents) {
    for (const section of doc.sections) if (statesDiagnoses(section)) out.push(...sectionPassages(doc, section));
  }
  for (const dx of snapshot.diagnoses) {
    const text = dx.text.value.trim();
    if (!text) continue;
    const where = dx.role === 'problem' || dx.role === undefined ? 'Problem list' : `${dx.role} diagnosis`;
    out.push({ text, source: { ...dx.text.source, text: clip(text) }, where, ...(dx.status && INACTIVE_STATUS.test(dx.status) ? { historical: true } : {}) });
  }
  const admitting = snapshot.encounter?.admittingDiagnosis;
  if (admitting?.value.trim()) out.push({ text: admitting.value.trim(), source: { ...admitting.source, text: clip(admitting.value.trim()) }, where: 'Admitting diagnosis' });
  return out;
}

/** Every sentence of every section (for clinical indicators of a query), with where it stands. */
export function allPassages(snapshot: ChartSnapshot): Passage[] {
  return snapshot.documents.flatMap((doc) => doc.sections.flatMap((section) => sectionPassages(doc, section)));
}
