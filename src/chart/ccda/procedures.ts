import type { CodedItem } from '../snapshot.ts';
import { codesOf, preferred } from './code-systems.ts';
import { entryText } from './entry-text.ts';
import type { NarrativeIndex } from './narrative.ts';
import { readPerson } from './names.ts';
import { startOf } from './time.ts';
import { at, attr, hasTemplate, kid, xmlRef } from './xml.ts';

/** Procedure Activity Procedure / Act / Observation. */
const PROCEDURE_TEMPLATES = ['4.14', '4.12', '4.13'].map((t) => `2.16.840.1.113883.10.20.22.${t}`);
/** The systems procedure coders report in, first. */
const PROCEDURE_SYSTEMS = ['ICD-10-PCS', 'CPT', 'HCPCS', 'SNOMED CT', 'ICD-9-CM-PCS', 'CDT', 'LOINC'] as const;

/**
 * Every performed procedure activity (moodCode EVN) among `entries`, with its codes (ICD-10-PCS,
 * CPT, HCPCS preferred, translations kept), words, date, status and performer.
 */
export function readProcedures(entries: Element[], narrative: NarrativeIndex): CodedItem[] {
  const items: CodedItem[] = [];
  for (const entry of entries) {
    if (!PROCEDURE_TEMPLATES.some((t) => hasTemplate(entry, t))) continue;
    if ((attr(entry, 'moodCode') ?? 'EVN') !== 'EVN') continue;
    const codeEl = kid(entry, 'code');
    const codes = preferred(codesOf(codeEl), PROCEDURE_SYSTEMS);
    const text = entryText(entry, codeEl, narrative);
    if (!text && codes.length === 0) continue;
    const item: CodedItem = {
      id: `ccda-px-${items.length + 1}`,
      text: text ?? { value: codes[0]!.display ?? codes[0]!.code, source: xmlRef(codeEl ?? entry, codes[0]!.code) },
      status: attr(kid(entry, 'statusCode'), 'code') ?? 'unknown',
      source: xmlRef(entry, text?.value ?? codes[0]?.code ?? ''),
    };
    if (codes[0]) item.code = codes[0];
    if (codes.length > 0) item.codes = codes;
    const date = startOf(kid(entry, 'effectiveTime'));
    if (date) item.date = date;
    const performer = readPerson(at(entry, 'performer', 'assignedEntity'));
    if (performer) item.performer = performer;
    items.push(item);
  }
  return items;
}
