import type { Field } from '../chart/snapshot.ts';
import type { Scope, ScopeItem, ScopeItems } from './rule.ts';

/**
 * The moment an item stands for: when a document was written (else signed), an order given, a
 * procedure performed or a diagnosis noted. ISO, or undefined when the chart does not say.
 */
export function itemTime(scope: Scope, item: ScopeItem): string | undefined {
  switch (scope) {
    case 'document': {
      const doc = item as ScopeItems['document'];
      return isoOf(doc.createdAt) ?? isoOf(doc.signature.signedAt);
    }
    case 'order':
      return isoOf((item as ScopeItems['order']).orderedAt);
    case 'diagnosis':
    case 'procedure':
      return isoOf((item as ScopeItems['procedure']).date);
    case 'chart':
    case 'field':
    case 'suggestion':
      return undefined;
  }
}

export function isoOf(field: Field | undefined): string | undefined {
  return field?.iso;
}
