import type { ScopeItems } from '../rule.ts';
import type { FactDefinition } from './fact.ts';

/** The document's title and all its sections as one text, for term and pattern rules. */
export const documentText: FactDefinition = {
  id: 'documentText',
  description: "the document's title and section texts as one text",
  dependsOn: 'item',
  scopes: ['document'],
  compute: ({ item }) => {
    const doc = item as ScopeItems['document'];
    return [doc.title.value, ...doc.sections.map((s) => `${s.title}: ${s.text}`)].join('\n');
  },
};
