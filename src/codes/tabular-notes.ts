/**
 * The instructional notes of the ICD-10-CM tabular list, as imported from the tabular XML.
 * Notes are stored where they appear (chapter, section, category, subcategory); a code is
 * governed by its own notes and by those of every level above it (see `notesFor` in table.ts).
 */
import type { CodeRef } from './code-refs.ts';

/** One note line with the code references found in it. */
export interface NoteWithRefs {
  text: string;
  refs: CodeRef[];
}

/** Notes attached to one level of the classification. */
export interface TabularNotes {
  inclusionTerms?: string[];
  includes?: string[];
  excludes1?: NoteWithRefs[];
  excludes2?: NoteWithRefs[];
  codeFirst?: NoteWithRefs[];
  useAdditionalCode?: NoteWithRefs[];
  codeAlso?: NoteWithRefs[];
  /** 7th-character values defined at this level (character -> meaning). */
  seventhCharacters?: Record<string, string>;
}

/** A category or subcategory of the tabular list with its notes. */
export interface TabularNode extends TabularNotes {
  code: string;
  title: string;
  /** A placeholder level (T36.0X): exists only to carry the X before a 7th character. */
  placeholder?: boolean;
}

/** A chapter or block (section) of categories, e.g. S70-S79, with its notes. */
export interface TabularRange extends TabularNotes {
  id: string;
  kind: 'chapter' | 'section';
  title: string;
  first: string;
  last: string;
}

/** The imported tabular list of one release. */
export interface TabularRelease {
  system: 'icd10cm-tabular';
  fiscalYear: number;
  nodes: TabularNode[];
  ranges: TabularRange[];
}

/** Note kinds that carry code references. */
export type ReferenceNoteKind = 'excludes1' | 'excludes2' | 'codeFirst' | 'useAdditionalCode' | 'codeAlso';
