import type { DocumentKind } from './snapshot.ts';
import { DOCUMENT_KINDS } from './vocabulary.ts';

/** The document kind a title names (vocabulary/document-kinds.json), or 'other'. */
export function kindFromTitle(title: string): DocumentKind {
  return DOCUMENT_KINDS.lookup(title) ?? 'other';
}

/** True when a short line reads as a document title ("DISCHARGE SUMMARY", "Progress Note - 04/06"). */
export function isDocumentTitle(text: string): boolean {
  return text.length <= 90 && DOCUMENT_KINDS.lookup(text) !== undefined;
}
