import type { ScopeItems } from '../rule.ts';
import type { FactDefinition } from './fact.ts';

/** The author's role and credentials as one text ("Resident, Internal Medicine MD"). */
export const authorRoleText: FactDefinition = {
  id: 'authorRoleText',
  description: "the document author's role and credentials, as text",
  dependsOn: 'item',
  scopes: ['document'],
  compute: ({ item }) => {
    const author = (item as ScopeItems['document']).author;
    return [author?.role?.value, author?.credentials?.value].filter(Boolean).join(' ');
  },
};
