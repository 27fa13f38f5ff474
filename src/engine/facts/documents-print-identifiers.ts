import type { ChartDocument } from '../../chart/snapshot.ts';
import { isBlank } from '../blank.ts';
import type { FactDefinition } from './fact.ts';

/** The identifiers a document can print, as the rule names them. */
export const IDENTIFIERS = [
  ['name', 'name'],
  ['mrn', 'MRN'],
  ['dob', 'date of birth'],
] as const;

/** A document whose body chartlint read: a row of a notes grid or an index entry has none. */
export function hasBody(doc: ChartDocument): boolean {
  return doc.sections.some((s) => s.text.trim() !== '');
}

export function printsAny(doc: ChartDocument): boolean {
  return IDENTIFIERS.some(([key]) => !isBlank(doc.identifiers[key]));
}

/**
 * Whether the chart's documents print patient identifiers as a rule: at least half of the
 * documents whose body was read print one. When fewer do, the source shows them once (a page
 * banner, a C-CDA header, a print's running header read into one document) and a "missing
 * identifier" on each document would be noise.
 */
export const documentsPrintIdentifiers: FactDefinition = {
  id: 'documentsPrintIdentifiers',
  description: 'most documents whose body was read print patient identifiers',
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot }) => {
    const bodied = snapshot.documents.filter(hasBody);
    const printing = bodied.filter(printsAny).length;
    return printing > 0 && printing * 2 >= bodied.length;
  },
};
