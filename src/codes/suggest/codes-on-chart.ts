/**
 * The ICD-10-CM codes a chart already reports, wherever they stand: coded diagnoses (and their
 * translations), and diagnosis fields of a coding form ("Secondary diagnoses: E11.22, I10").
 * Suggestions are never made for these; unspecified ones are checked for specificity.
 */
import type { ChartSnapshot, SourceRef } from '../../chart/snapshot.ts';
import { icd10cmCodeOf } from '../chart-codes.ts';
import { normalizeCode } from '../code-format.ts';

export interface ChartCodes {
  /** Normalized code → where the chart shows it. */
  codes: Map<string, SourceRef[]>;
  /** The principal diagnosis, if the chart names one (diagnosis role or a "principal" form field). */
  principal?: string;
}

const DIAGNOSIS_FIELD = /diagnos|icd|\bdx\b/i;
const PRINCIPAL_FIELD = /principal|primary|first[- ]listed/i;
const CODE_IN_TEXT = /\b[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?\b/g;

/** The codes reported on the chart and its principal diagnosis. */
export function codesOnChart(snapshot: ChartSnapshot): ChartCodes {
  const codes = new Map<string, SourceRef[]>();
  const add = (code: string, source: SourceRef) => codes.set(code, [...(codes.get(code) ?? []), source]);
  let principal: string | undefined;
  for (const dx of snapshot.diagnoses) {
    for (const code of dx.codes ?? (dx.code ? [dx.code] : [])) {
      const c = icd10cmCodeOf({ ...dx, code });
      if (!c) continue;
      add(c, dx.source);
      if (dx.role === 'principal') principal ??= c;
    }
  }
  for (const field of snapshot.forms) {
    if (!DIAGNOSIS_FIELD.test(field.label)) continue;
    const found = field.value.toUpperCase().match(CODE_IN_TEXT) ?? [];
    for (const raw of found) add(normalizeCode(raw), { ...field.source, text: `${field.label}: ${field.value}` });
    if (PRINCIPAL_FIELD.test(field.label) && found[0]) principal ??= normalizeCode(found[0]);
  }
  return { codes, ...(principal ? { principal } : {}) };
}
