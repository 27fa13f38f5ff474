import type { ChartDocument } from '../../chart/snapshot.ts';
import { isBlank } from '../blank.ts';
import type { ScopeItems } from '../rule.ts';
import { hasBody, IDENTIFIERS, printsAny } from './documents-print-identifiers.ts';
import type { FactDefinition } from './fact.ts';

/**
 * Which of patient name, MRN and date of birth the document does not print, judged against
 * the chart's other documents: an identifier whose label is printed with nothing after it
 * ("DOB:"), every identifier when the document prints none, and one the document leaves out
 * that every other identifying document prints. An identifier no document prints is not
 * reported (the reader may not know its label), nor is any on a document whose body was not read.
 */
export const missingIdentifiers: FactDefinition = {
  id: 'missingIdentifiers',
  description: 'patient identifiers (name, MRN, DOB) not printed on the document',
  dependsOn: 'chart',
  scopes: ['document'],
  compute: ({ item, snapshot }) => {
    const doc = item as ScopeItems['document'];
    const printedBlank = IDENTIFIERS.filter(([key]) => doc.identifiers[key] !== undefined && isBlank(doc.identifiers[key]));
    if (!hasBody(doc) && printedBlank.length === 0) return [];
    if (!printsAny(doc)) return hasBody(doc) ? IDENTIFIERS.map(([, label]) => label) : printedBlank.map(([, label]) => label);
    const others = snapshot.documents.filter((d: ChartDocument) => d !== doc && hasBody(d) && printsAny(d));
    const usual = IDENTIFIERS.filter(([key]) => others.length > 0 && others.every((d) => !isBlank(d.identifiers[key])));
    return IDENTIFIERS.filter(([key]) => isBlank(doc.identifiers[key]) && (usual.some(([k]) => k === key) || printedBlank.some(([k]) => k === key)))
      .map(([, label]) => label);
  },
};
