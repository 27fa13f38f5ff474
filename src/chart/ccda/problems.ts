import type { CodedItem } from '../snapshot.ts';
import { codesOf, preferred } from './code-systems.ts';
import { entryText } from './entry-text.ts';
import type { NarrativeIndex } from './narrative.ts';
import { documentedAsNone } from './null-flavor.ts';
import { diagnosisRole } from './roles.ts';
import { endOf, startOf } from './time.ts';
import { at, attr, hasTemplate, kid, kids, xmlRef } from './xml.ts';

const PROBLEM_OBSERVATION = '2.16.840.1.113883.10.20.22.4.4';
/** Indication: the problem a procedure, medication or order is for (medical necessity). */
const INDICATION = '2.16.840.1.113883.10.20.22.4.19';
const PROBLEM_STATUS = '2.16.840.1.113883.10.20.22.4.6';
const CONCERN_ACT = '2.16.840.1.113883.10.20.22.4.3';
/** ICD-10-CM first: it is what coders report; SNOMED CT is what clinicians pick. */
const DIAGNOSIS_SYSTEMS = ['ICD-10-CM', 'SNOMED CT', 'ICD-9-CM', 'ICD-10'] as const;

/**
 * Every Problem Observation and Indication in `observations` as a diagnosis: its value code (ICD-10-CM
 * preferred when given as a translation, all codes kept), the author's words for it, the list
 * it stands on, its status and onset. A nullFlavored problem without a code ("No data") is the
 * list documented as none and is not a diagnosis.
 */
export function readProblems(observations: Element[], narrative: NarrativeIndex, warnings: string[]): CodedItem[] {
  const items: CodedItem[] = [];
  for (const obs of observations) {
    if (!hasTemplate(obs, PROBLEM_OBSERVATION) && !hasTemplate(obs, INDICATION)) continue;
    const value = kid(obs, 'value');
    const codes = preferred(codesOf(value), DIAGNOSIS_SYSTEMS);
    const text = entryText(obs, value, narrative);
    // "No data" under nullFlavor NI: the list is documented as empty, not unreadable.
    if (codes.length === 0 && documentedAsNone(obs, value, text !== undefined)) continue;
    if (!text && codes.length === 0) {
      warnings.push(`A problem observation (${xmlRef(obs, '').xpath}) has neither a code nor text.`);
      continue;
    }
    const item: CodedItem = {
      id: `ccda-dx-${items.length + 1}`,
      text: text ?? { value: codes[0]!.display ?? codes[0]!.code, source: xmlRef(value ?? obs, codes[0]!.code) },
      role: diagnosisRole(obs),
      status: problemStatus(obs),
      source: xmlRef(obs, text?.value ?? codes[0]?.code ?? ''),
    };
    if (codes[0]) item.code = codes[0];
    if (codes.length > 0) item.codes = codes;
    const onset = startOf(kid(obs, 'effectiveTime'));
    if (onset) item.date = onset;
    items.push(item);
  }
  return items;
}

/**
 * Negated observations are "no X", not X; otherwise the Problem Status observation, a
 * resolution date, the concern act's status, and last the observation's own statusCode.
 */
function problemStatus(obs: Element): string {
  if (attr(obs, 'negationInd') === 'true') return 'negated';
  const statusObs = kids(obs, 'entryRelationship')
    .map((rel) => kid(rel, 'observation'))
    .find((o) => o !== undefined && hasTemplate(o, PROBLEM_STATUS));
  const stated = attr(kid(statusObs, 'value'), 'displayName');
  if (stated) return stated.toLowerCase();
  if (endOf(kid(obs, 'effectiveTime'))) return 'resolved';
  const concern = obs.parentElement?.parentElement;
  if (concern && concern.localName === 'act' && hasTemplate(concern, CONCERN_ACT)) {
    const status = attr(kid(concern, 'statusCode'), 'code');
    if (status) return status;
  }
  return attr(at(obs, 'statusCode'), 'code') ?? 'unknown';
}
