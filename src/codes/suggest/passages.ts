/**
 * Where a chart states diagnoses, cut into sentences: the assessment / impression / problem
 * list / diagnoses sections of its documents, its coded diagnoses (problem list, encounter and
 * final diagnoses) and the admitting diagnosis. History, exam and results sections are left
 * out: a word there is a finding or a past event, not a diagnosis the provider states.
 */
import type { ChartDocument, ChartSnapshot, Section, SourceRef } from '../../chart/snapshot.ts';
import { documentTimes, listStamp, sectionStamp, type Stamp } from './timeline.ts';

/** One sentence that may state a diagnosis, with where it stands. */
export interface Passage {
  text: string;
  /** The element it was read from, with `text` set to the sentence (what evidence quotes). */
  source: SourceRef;
  /** "History and Physical, Assessment and plan", "Problem list". */
  where: string;
  /** Set for items of a problem list marked resolved or inactive: a past condition. */
  historical?: boolean;
  /** When it was stated (diagnosis passages only): a later statement overrules an earlier one. */
  at?: Stamp;
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

/** A genus abbreviated to its initial ("E. coli", "S. aureus") ends a piece the next word continues. */
const GENUS_INITIAL = /(?:^|[^A-Za-z])[A-Z]\.$/;
/** ...a species, lower-case as it should be, or one often capitalised ("E. Coli"), not a new sentence ("hepatitis C. Diabetes"). */
const SPECIES = /^(?:coli|diff|difficile|aureus|pneumoniae|influenzae|faecalis|faecium|epidermidis|aeruginosa|marcescens)\b/i;
const continues = (piece: string) => /^[a-z]/.test(piece) || SPECIES.test(piece);

/**
 * Sentences of a text: split after . ! ? ; and at line breaks, and before a list number glued to
 * the previous item ("output.2. Type 2 ..."). Decimals ("1.4") and organisms written with their
 * genus initial ("sepsis due to E. coli") stay whole.
 */
export function sentencesOf(text: string): string[] {
  const pieces = text
    .split(/(?<=[.!?;])\s+|[\r\n]+|(?<=[a-z)\]])\.(?=\d{1,2}[.)]\s)/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out.length - 1;
    if (last >= 0 && GENUS_INITIAL.test(out[last]!) && continues(piece)) out[last] = `${out[last]!} ${piece}`;
    else out.push(piece);
  }
  return out.filter((s) => /[a-z]/i.test(s));
}

function clip(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}

function sectionPassages(doc: ChartDocument, section: Section): Passage[] {
  const where = `${doc.title.value}, ${section.title}`;
  return sentencesOf(section.text).map((text) => ({ text, source: { ...section.source, text: clip(text) }, where }));
}

/** Every passage of the chart where a diagnosis may be stated, in chart order, each with when it was stated. */
export function diagnosisPassages(snapshot: ChartSnapshot): Passage[] {
  const out: Passage[] = [];
  const times = documentTimes(snapshot.documents);
  snapshot.documents.forEach((doc, i) => {
    for (const section of doc.sections) {
      if (!statesDiagnoses(section)) continue;
      for (const p of sectionPassages(doc, section)) out.push({ ...p, at: sectionStamp(doc, section, times[i]!, out.length) });
    }
  });
  for (const dx of snapshot.diagnoses) {
    const text = dx.text.value.trim();
    if (!text) continue;
    const where = dx.role === 'problem' || dx.role === undefined ? 'Problem list' : `${dx.role} diagnosis`;
    const historical = dx.status !== undefined && INACTIVE_STATUS.test(dx.status);
    out.push({ text, source: { ...dx.text.source, text: clip(text) }, where, ...(historical ? { historical } : {}), at: listStamp(dx, out.length) });
  }
  const admitting = snapshot.encounter?.admittingDiagnosis;
  const text = admitting?.value.trim();
  if (admitting && text) out.push({ text, source: { ...admitting.source, text: clip(text) }, where: 'Admitting diagnosis', at: listStamp({ role: 'admitting' }, out.length) });
  return out;
}

/** Every sentence of every section (for clinical indicators of a query), with where it stands. */
export function allPassages(snapshot: ChartSnapshot): Passage[] {
  return snapshot.documents.flatMap((doc) => doc.sections.flatMap((section) => sectionPassages(doc, section)));
}
