/**
 * Signs and symptoms (chapter 18, R codes). A symptom stated in the same sentence as an
 * established diagnosis is taken as part of it and not coded (Section I.B.4-5: "cough and fever
 * from pneumonia"). For a visit (Section IV.H), a diagnosis documented only as probable,
 * suspected or to be ruled out is not coded: the symptoms are, so the chief complaint and the
 * history of present illness are read for them too.
 */
import { sourceRefKey } from '../../chart/source-ref-key.ts';
import type { ChartSnapshot } from '../../chart/snapshot.ts';
import { mentionsIn } from './mentions.ts';
import { readSections, sentencesOf, type Passage } from './passages.ts';
import type { PhraseIndex } from './phrase-index.ts';
import type { Reconciled } from './reconcile.ts';
import type { Mention } from './types.ts';

/** Chapter 18 less R65 (SIRS, severe sepsis), which is coded with its infection, not as a symptom. */
const SYMPTOM = /^R(?!65)/;
/** Sections where a visit's symptoms are stated. */
const COMPLAINT_SECTION = /\b(chief complaint|cc|reason for (visit|encounter)|presenting complaint|history of present illness|hpi|subjective|s)\b/i;
const MAX_QUOTE = 300;

/**
 * Deficits that are not routinely part of the condition stated with them (aphasia, dysphagia,
 * the NIHSS score beside an acute stroke): coded in addition (Section I.B.5; tabular I63 and
 * I69 "use additional code" notes), never dropped as integral.
 */
const DEFICIT = /^(R47|R13|R29\.?7)/;

/** True for a symptom code. */
export const isSymptom = (code: string): boolean => SYMPTOM.test(code);

/**
 * Removes, in place, the mentions of symptoms stated beside an established diagnosis, and
 * symptoms left with none. For a stay, only a symptom the provider lists among the diagnoses at
 * discharge counts: the notes' symptoms are the work-up of the diagnosis found.
 */
export function integralSymptoms(current: Map<string, Mention[]>, inpatient: boolean): void {
  const withDiagnosis = new Set<string>();
  for (const [code, ms] of current) if (!isSymptom(code)) ms.forEach((m) => withDiagnosis.add(sourceRefKey(m.source)));
  for (const [code, ms] of [...current]) {
    if (!isSymptom(code)) continue;
    const own = ms.filter((m) => (DEFICIT.test(code) || !withDiagnosis.has(sourceRefKey(m.source))) && (!inpatient || m.at?.tier === 2));
    if (own.length === 0) current.delete(code);
    else current.set(code, own);
  }
}

/**
 * For a visit with a diagnosis still uncertain (and so not coded): adds, in place, the symptoms
 * affirmed in its chief complaint and history of present illness and in the uncertain
 * diagnosis's own sentence, unless stated beside an established diagnosis.
 */
export function outpatientSymptoms(snapshot: ChartSnapshot, lexicon: PhraseIndex, states: ReadonlyMap<string, Reconciled>, current: Map<string, Mention[]>): void {
  const uncertain = [...states.values()].some((s) => s.status === 'uncertain' && !isSymptom(s.evidence[0]?.code ?? ''));
  if (!uncertain) return;
  const passages: Passage[] = snapshot.documents.flatMap((doc) =>
    readSections(doc)
      .filter((s) => COMPLAINT_SECTION.test(s.title))
      .flatMap((s) => sentencesOf(s.text).map((text) => ({ text, source: { ...s.source, text: text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text }, where: `${doc.title.value}, ${s.title}` }))),
  );
  // The uncertain diagnosis's own sentence states its symptoms too ("Snoring with witnessed apneas - suspected OSA").
  const seen = new Set(passages.map((p) => sourceRefKey(p.source)));
  for (const state of states.values()) {
    if (state.status !== 'uncertain') continue;
    for (const m of state.evidence) {
      if (seen.has(sourceRefKey(m.source))) continue;
      seen.add(sourceRefKey(m.source));
      passages.push({ text: m.source.text, source: m.source, where: m.where });
    }
  }
  const found = passages.flatMap((p) => mentionsIn(p, lexicon));
  const withDiagnosis = new Set(found.filter((m) => !isSymptom(m.code) && m.context === 'affirmed').map((m) => sourceRefKey(m.source)));
  for (const m of found) {
    if (!isSymptom(m.code) || withDiagnosis.has(sourceRefKey(m.source))) continue;
    if (m.context !== 'affirmed' && !suspicionOfDiagnosis(m, found)) continue;
    current.set(m.code, [...(current.get(m.code) ?? []), m]);
  }
}

/**
 * True when a symptom's uncertainty is the diagnosis's after it: "Snoring - suspected OSA" reads
 * "suspected" after "snoring", but it heads "OSA", an uncertain diagnosis of the same sentence.
 */
function suspicionOfDiagnosis(symptom: Mention, found: readonly Mention[]): boolean {
  if (symptom.context !== 'uncertain' || !symptom.trigger) return false;
  const text = symptom.source.text;
  const trigger = text.indexOf(symptom.trigger, text.indexOf(symptom.phrase) + symptom.phrase.length);
  if (trigger < 0) return false;
  return found.some((d) => !isSymptom(d.code) && d.context === 'uncertain' && d.trigger === symptom.trigger && sourceRefKey(d.source) === sourceRefKey(symptom.source) && text.indexOf(d.phrase, trigger) > trigger);
}
