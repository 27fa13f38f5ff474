import type { ScopeItems } from '../rule.ts';
import type { FactDefinition } from './fact.ts';

/**
 * What an operative report must hold (42 CFR 482.51(b)(6)) and how each shows: a section title
 * or its C-CDA LOINC section code; the surgeon may also show as the author or signer.
 */
const ELEMENTS: { name: string; title: RegExp; codes: string[] }[] = [
  { name: 'procedure', title: /\bprocedures?\b|\boperations?\b/i, codes: ['29554-3', '47519-4', '59772-4'] },
  { name: 'findings', title: /\bfindings?\b/i, codes: ['59776-5'] },
  { name: 'specimens', title: /\bspecimens?\b/i, codes: ['59773-2'] },
  { name: 'surgeon', title: /\bsurgeons?\b|\boperator\b/i, codes: [] },
];

/** Elements of an operative report (procedure, findings, specimens, surgeon) it does not contain. */
export const missingOperativeElements: FactDefinition = {
  id: 'missingOperativeElements',
  description: 'required elements the operative report lacks',
  dependsOn: 'item',
  scopes: ['document'],
  compute: ({ item }) => {
    const doc = item as ScopeItems['document'];
    // Listed, not shown (a scanned-document index, a notes grid): its content is not known to be missing.
    if (!doc.sections.some((s) => s.text.trim() !== '')) return [];
    const present = (e: (typeof ELEMENTS)[number]) =>
      doc.sections.some((s) => (e.title.test(s.title) || (s.code !== undefined && e.codes.includes(s.code))) && s.text.trim() !== '') ||
      (e.name === 'surgeon' && (doc.author?.name.value.trim() || doc.signature.signer?.name.value.trim()));
    return ELEMENTS.filter((e) => !present(e)).map((e) => e.name);
  },
};
