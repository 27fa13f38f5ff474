import type { ScopeItems } from '../rule.ts';
import { documentWithin } from './chart-documents.ts';
import type { FactDefinition } from './fact.ts';

/**
 * The operative report of a procedure (one dated from the day of the procedure on) and its text,
 * so rules can both ask "is there one?" and read it (e.g. what anesthesia was given).
 */
export const operativeReport: FactDefinition = {
  id: 'operativeReport',
  description: "the procedure's operative report and its full text",
  dependsOn: 'chart',
  scopes: ['procedure'],
  compute: ({ snapshot, item }) => {
    const performed = (item as ScopeItems['procedure']).date?.iso;
    if (!performed) return undefined;
    const document = documentWithin(snapshot, ['operative-report'], performed, 0, Number.POSITIVE_INFINITY);
    return document && { document, text: document.sections.map((s) => `${s.title}: ${s.text}`).join('\n') };
  },
};
