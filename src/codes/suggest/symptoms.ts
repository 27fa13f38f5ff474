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
import { sentencesOf, type Passage } from './passages.ts';
import type { PhraseIndex } from './phrase-index.ts';
import type { Reconciled } from './reconcile.ts';
import type { Mention } from './types.ts';

/** Chapter 18 less R65 (SIRS, severe sepsis), which is coded with its infection, not as a symptom. */
const SYMPTOM = /^R(?!65)/;
/** Sections where a visit's symptoms are stated. */
const COMPLAINT_SECTION = /\b(chief complaint|cc|reason for (visit|encounter)|presenting complaint|history of present illness|hpi|subjective|s)\b/i;
const MAX_QUOTE = 300;

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
    const own = ms.filter((m) => !withDiagnosis.has(sourceRefKey(m.source)) && (!inpatient || m.at?.tier === 2));
    if (own.length === 0) current.delete(code);
    else current.set(code, own);
  }
}

/**
 * For a visit with a diagnosis still uncertain (and so not coded): adds, in place, the symptoms
 * affirmed in its chief complaint and history of present illness, unless stated beside an
 * established diagnosis.
 */
export function outpatientSymptoms(snapshot: ChartSnapshot, lexicon: PhraseIndex, states: ReadonlyMap<string, Reconciled>, current: Map<string, Mention[]>): void {
  const uncertain = [...states.values()].some((s) => s.status === 'uncertain' && !isSymptom(s.evidence[0]?.code ?? ''));
  if (!uncertain) return;
  const passages: Passage[] = snapshot.documents.flatMap((doc) =>
    doc.sections
      .filter((s) => COMPLAINT_SECTION.test(s.title))
      .flatMap((s) => sentencesOf(s.text).map((text) => ({ text, source: { ...s.source, text: text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text }, where: `${doc.title.value}, ${s.title}` }))),
  );
  const found = passages.flatMap((p) => mentionsIn(p, lexicon));
  const withDiagnosis = new Set(found.filter((m) => !isSymptom(m.code) && m.context === 'affirmed').map((m) => sourceRefKey(m.source)));
  for (const m of found) {
    if (!isSymptom(m.code) || m.context !== 'affirmed' || withDiagnosis.has(sourceRefKey(m.source))) continue;
    current.set(m.code, [...(current.get(m.code) ?? []), m]);
  }
}
