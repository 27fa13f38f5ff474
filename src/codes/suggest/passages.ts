/**
 * Where a chart states diagnoses, cut into sentences: the assessment / impression / problem
 * list / diagnoses sections of its documents, its coded diagnoses (problem list, encounter and
 * final diagnoses) and the admitting diagnosis. History, exam and results sections are left
 * out: a word there is a finding or a past event, not a diagnosis the provider states.
 */
import type { ChartDocument, ChartSnapshot, Section, SourceRef } from '../../chart/snapshot.ts';
import headingsJson from './headings.json';
import statusJson from './status-codes.json';
import { documentTimes, listStamp, sectionStamp, type Stamp } from './timeline.ts';
import { wordsOf } from './tokens.ts';

/** One sentence that may state a diagnosis, with where it stands. */
export interface Passage {
  text: string;
  /** The element it was read from, with `text` set to the sentence (what evidence quotes). */
  source: SourceRef;
  /** "History and Physical, Assessment and plan", "Problem list". */
  where: string;
  /** Set for items of a problem list marked resolved or inactive: a past condition. */
  historical?: boolean;
  /** Set for coded entries marked refuted, negated or entered in error: not a condition of the patient. */
  negated?: boolean;
  /** When it was stated (diagnosis passages only): a later statement overrules an earlier one. */
  at?: Stamp;
}

/** Section titles that state diagnoses. */
const DIAGNOSIS_SECTION = /\b(assessments?|impressions?|problems?|diagnos[ie]s|dx|a\s*\/\s*p|a\s*&\s*p)\b/i;
/** ...and the claim's roles standing alone as a title, under a diagnoses heading ("PRINCIPAL:", "Secondary"). */
const ROLE_SECTION = /^\W*(principal|secondary)\W*$/i;
/** ...unless the title says the section is about the past or the family. */
const NOT_CURRENT = /\b(history|past|family|resolved|hx)\b/i;
/** LOINC codes of C-CDA sections that state diagnoses (assessment, A&P, problems, discharge/admission dx). */
const DIAGNOSIS_LOINC = new Set(['51848-0', '51847-2', '11450-4', '11535-2', '29548-5', '46241-6', '42347-5', '78375-3']);
const INACTIVE_STATUS = /\b(resolved|inactive|completed|historical)\b/i;
/** A coded entry the source marks as not so (FHIR verificationStatus refuted, C-CDA negationInd, entered in error): never a diagnosis. */
const NEGATED_STATUS = /\b(negated|refuted|ruled[- ]out|entered[- ]in[- ]error)\b/i;
const MAX_QUOTE = 300;

/** True when a section is one where diagnoses are stated. */
export function statesDiagnoses(section: Pick<Section, 'title' | 'code'>): boolean {
  if (section.code && DIAGNOSIS_LOINC.has(section.code)) return true;
  return (DIAGNOSIS_SECTION.test(section.title) || ROLE_SECTION.test(section.title)) && !NOT_CURRENT.test(section.title);
}

/**
 * Headings written inside a section's text (headings.json): the titles of status-codes.json
 * `sections` and the others listed there, by their words. Diagnosis-section titles are known
 * by DIAGNOSIS_SECTION.
 */
const HEADINGS = new Set(
  [...Object.entries((statusJson as unknown as { sections: Record<string, string[]> }).sections).filter(([k]) => k !== 'notMedications').flatMap(([, v]) => v), ...headingsJson.others].map((h) => wordsOf(h).join(' ')),
);
const MAX_HEADING_WORDS = 6;
/** "Final Diagnoses", "PMH:", "SOCIAL HISTORY -", "*** DISCHARGE DIAGNOSES ***": a line that is a heading and nothing else. */
const HEADING_LINE = /^[*=#_~\s-]*([A-Za-z][A-Za-z /&'-]*?)\s*[:\-–—]?[*=#_~\s-]*$/;
/** "PMH: CAD, HTN": a heading before a colon at the start of a line, then its text. */
const HEADED_LINE = /^([A-Za-z][A-Za-z /&'-]*?)\s*:\s*(\S.*)$/;

/** True when `text` is one of the headings a section's text may hold. */
export function isHeading(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_HEADING_WORDS || /\d/.test(text)) return false;
  return HEADINGS.has(words.join(' ')) || DIAGNOSIS_SECTION.test(text);
}

/**
 * A section cut at the headings its text holds (headings.json), each part a section of that
 * title with the same source; the section itself when its text holds none. What comes before
 * the first heading keeps the section's title (and code).
 */
export function splitHeaded(section: Section): Section[] {
  const parts: { title: string; lines: string[]; code?: string }[] = [{ title: section.title, lines: [], ...(section.code ? { code: section.code } : {}) }];
  for (const line of section.text.split(/\r?\n/)) {
    const trimmed = line.trim();
    const alone = HEADING_LINE.exec(trimmed);
    const headed = alone ? undefined : HEADED_LINE.exec(trimmed);
    const heading = alone?.[1] ?? headed?.[1];
    if (heading !== undefined && isHeading(heading)) parts.push({ title: heading, lines: headed?.[2] ? [headed[2]] : [] });
    else parts.at(-1)!.lines.push(line);
  }
  if (parts.length === 1) return [section];
  return parts
    .map((p, i) => ({ title: p.title, text: p.lines.join('\n').trim(), ...(p.code ? { code: p.code } : {}), source: section.source, first: i === 0 }))
    .filter((p) => p.text !== '' || !p.first)
    .map(({ first: _, ...p }) => p);
}

const headedSections = new WeakMap<ChartDocument, Section[]>();

/** A document's sections, each cut at the headings its text holds (splitHeaded); computed once per document. */
export function readSections(doc: ChartDocument): Section[] {
  let out = headedSections.get(doc);
  if (!out) headedSections.set(doc, (out = doc.sections.flatMap(splitHeaded)));
  return out;
}

/** A genus abbreviated to its initial ("E. coli", "S. aureus") ends a piece the next word continues. */
const GENUS_INITIAL = /(?:^|[^A-Za-z])[A-Z]\.$/;
/** ...a species, lower-case as it should be, or one often capitalised ("E. Coli"), not a new sentence ("hepatitis C. Diabetes"). */
const SPECIES = /^(?:coli|diff|difficile|aureus|pneumoniae|influenzae|faecalis|faecium|epidermidis|aeruginosa|marcescens)\b/i;
const continues = (piece: string) => /^[a-z]/.test(piece) || SPECIES.test(piece);

/**
 * Sentences of a text: split after . ! ? ; at line breaks and bullets (a list read as one line:
 * "Secondary• CAD• Hypertension"), and before a list number glued to the previous item
 * ("output.2. Type 2 ..."). Decimals ("1.4") and organisms written with their genus initial
 * ("sepsis due to E. coli") stay whole.
 */
export function sentencesOf(text: string): string[] {
  const hit = SENTENCES.get(text);
  if (hit) return [...hit];
  const out = cutSentences(text);
  // Bounded memo: a section's text is cut for diagnoses, findings and statuses, and again at each keystroke.
  if (SENTENCES.size >= MAX_CACHED) SENTENCES.clear();
  SENTENCES.set(text, out);
  return [...out];
}

const SENTENCES = new Map<string, readonly string[]>();
const MAX_CACHED = 20_000;

function cutSentences(text: string): string[] {
  const pieces = text
    .split(/(?<=[.!?;])\s+|[\r\n]+|(?<=[a-z)\]])\.(?=\d{1,2}[.)]\s)|\s*[•▪◦●]\s*/i)
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
    for (const section of readSections(doc)) {
      if (!statesDiagnoses(section)) continue;
      for (const p of sectionPassages(doc, section)) out.push({ ...p, at: sectionStamp(doc, section, times[i]!, out.length) });
    }
  });
  for (const dx of snapshot.diagnoses) {
    const where = dx.role === 'problem' || dx.role === undefined ? 'Problem list' : `${dx.role} diagnosis`;
    const negated = dx.status !== undefined && NEGATED_STATUS.test(dx.status);
    const historical = !negated && dx.status !== undefined && INACTIVE_STATUS.test(dx.status);
    // One entry is usually one sentence; a list read into one entry is cut like any text.
    for (const text of sentencesOf(dx.text.value)) {
      out.push({ text, source: { ...dx.text.source, text: clip(text) }, where, ...(historical ? { historical } : {}), ...(negated ? { negated } : {}), at: listStamp(dx, out.length) });
    }
  }
  const admitting = snapshot.encounter?.admittingDiagnosis;
  const text = admitting?.value.trim();
  if (admitting && text) out.push({ text, source: { ...admitting.source, text: clip(text) }, where: 'Admitting diagnosis', at: listStamp({ role: 'admitting' }, out.length) });
  return out;
}

const findings = new WeakMap<ChartSnapshot, Passage[]>();

/** Kinds whose statements are a study's findings, not the provider's conclusions. */
const STUDY_KINDS = new Set(['imaging-report', 'pathology-report']);

/**
 * Every sentence of the notes' other sections (history, course, results, updates), each with
 * when it was stated: where a test result or a later note excludes what was only suspected
 * ("CTA negative for pulmonary embolism"). Family-history sections are left out.
 */
export function findingPassages(snapshot: ChartSnapshot): Passage[] {
  let out = findings.get(snapshot);
  if (out) return out;
  findings.set(snapshot, (out = []));
  const times = documentTimes(snapshot.documents);
  snapshot.documents.forEach((doc, i) => {
    if (STUDY_KINDS.has(doc.kind)) return;
    for (const section of readSections(doc)) {
      if (statesDiagnoses(section) || /\bfamily\b|\bfhx?\b/i.test(section.title)) continue;
      for (const p of sectionPassages(doc, section)) out.push({ ...p, at: sectionStamp(doc, section, times[i]!, out.length) });
    }
  });
  return out;
}

/** Every sentence of every section (for clinical indicators of a query), with where it stands. */
export function allPassages(snapshot: ChartSnapshot): Passage[] {
  return snapshot.documents.flatMap((doc) => readSections(doc).flatMap((section) => sectionPassages(doc, section)));
}
