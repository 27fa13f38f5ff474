/**
 * The BMI code (Z68.-) of an adult from a BMI value written anywhere in the chart, only beside
 * a documented condition the BMI is associated with (bmi.json: obesity, malnutrition, ...).
 */
import { toEpoch } from '../../chart/dates.ts';
import type { ChartSnapshot, SourceRef } from '../../chart/snapshot.ts';
import { normalizeCode } from '../code-format.ts';
import bmiJson from './bmi.json';
import { sentencesOf } from './passages.ts';

interface BmiFile {
  guideline: string;
  adultAge: number;
  onlyWith: string[];
  ranges: [number, string][];
}
const BMI = bmiJson as unknown as BmiFile;
/** "BMI 42.3", "BMI: 42", "body mass index of 42.3 kg/m2", "BMI is 42". */
const VALUE = /\b(?:bmi|body mass index)\b\s*(?:\(kg\/m2\)\s*)?(?:[:=]|\bis\b|\bof\b)?\s*(\d{2}(?:\.\d)?)\b/i;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** The Z68 code of an adult BMI value. */
export function bmiCode(value: number): string {
  let code = BMI.ranges[0]![1];
  for (const [min, c] of BMI.ranges) if (value >= min) code = c;
  return normalizeCode(code);
}

/** The patient's age in years at the encounter (or now), when the chart gives a birth date. */
function ageOf(snapshot: ChartSnapshot): number | undefined {
  const dob = snapshot.patient.dob?.iso ? toEpoch(snapshot.patient.dob.iso) : undefined;
  if (dob === undefined) return undefined;
  const atIso = snapshot.encounter?.admittedAt?.iso ?? snapshot.encounter?.dischargedAt?.iso;
  const at = (atIso ? toEpoch(atIso) : undefined) ?? Date.parse(snapshot.source.extractedAt);
  return Number.isFinite(at) ? (at - dob) / YEAR_MS : undefined;
}

/** A BMI value found in the chart and the code it gives. */
export interface BmiFinding {
  code: string;
  value: number;
  source: SourceRef;
  where: string;
  reason: string;
}

/**
 * The last BMI value of the chart, as its Z68 code, when `known` (normalized codes current or
 * on the chart) holds an associated condition and the patient is an adult (or of unknown age).
 */
export function bmiFinding(snapshot: ChartSnapshot, known: readonly string[]): BmiFinding | undefined {
  const condition = known.find((c) => BMI.onlyWith.some((p) => c.startsWith(normalizeCode(p))));
  if (!condition) return undefined;
  const age = ageOf(snapshot);
  if (age !== undefined && age < BMI.adultAge) return undefined;
  let found: Omit<BmiFinding, 'code' | 'reason'> | undefined;
  const look = (text: string, source: SourceRef, where: string) => {
    if (!VALUE.test(text)) return; // most sections state no BMI: not cut into sentences
    for (const sentence of sentencesOf(text)) {
      const m = VALUE.exec(sentence);
      if (m) found = { value: Number(m[1]), source: { ...source, text: sentence.slice(0, 300) }, where };
    }
  };
  for (const doc of snapshot.documents) for (const s of doc.sections) look(s.text, s.source, `${doc.title.value}, ${s.title}`);
  for (const f of snapshot.forms) if (/\b(bmi|body mass)\b/i.test(f.label)) look(`BMI ${f.value}`, f.source, f.label);
  if (!found || found.value < 10 || found.value > 150) return undefined;
  const code = bmiCode(found.value);
  const reason = `BMI ${found.value} (${found.where}) with the associated condition ${condition.slice(0, 3)}.${condition.slice(3)} documented: the BMI code is reported as a secondary code (${BMI.guideline}).`;
  return { ...found, code, reason };
}
