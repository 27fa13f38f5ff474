import { kindFromTitle } from '../document-kind.ts';
import type { DocumentKind } from '../snapshot.ts';

/**
 * LOINC document type codes (ClinicalDocument/code) to document kinds. The C-CDA document
 * templates fix these codes; other codes fall back to the title's wording.
 */
const BY_LOINC: Record<string, DocumentKind> = {
  '34117-2': 'history-and-physical',
  '11492-6': 'history-and-physical',
  '28626-0': 'history-and-physical',
  '34095-0': 'history-and-physical',
  '11506-3': 'progress-note',
  '18842-5': 'discharge-summary',
  '11490-0': 'discharge-summary',
  '28655-9': 'discharge-summary',
  '11504-8': 'operative-report',
  '28570-0': 'procedure-note',
  '11488-4': 'consultation',
  '34847-4': 'consultation',
  '18748-4': 'imaging-report',
  '11526-1': 'pathology-report',
  '34133-9': 'continuity-of-care',
  '18761-7': 'transfer-summary',
  '57133-1': 'referral-note',
  '52521-2': 'care-plan',
  '81334-5': 'advance-care-plan',
};

/** Title wordings of the C-CDA document types that the general title patterns do not name. */
const CCDA_TITLES: [RegExp, DocumentKind][] = [
  [/\breferral note\b/i, 'referral-note'],
  [/\btransfer summary\b/i, 'transfer-summary'],
  [/\bcare plan\b/i, 'care-plan'],
  [/\badvance (care|directive)/i, 'advance-care-plan'],
  [/\bx-?ray\b|\bradiograph/i, 'imaging-report'],
  [/\bcontinuity of care\b|\bpatient chart summary\b|\bsummary of patient chart\b/i, 'continuity-of-care'],
];

/**
 * The kind of a C-CDA document from its LOINC type code, else from its title (the HL7
 * Referral Note example carries 57113-1, not the template's 57133-1, and is found by title).
 */
export function ccdaDocumentKind(loinc: string | undefined, title: string): DocumentKind {
  const byCode = loinc ? BY_LOINC[loinc] : undefined;
  if (byCode) return byCode;
  const general = kindFromTitle(title);
  if (general !== 'other') return general;
  return CCDA_TITLES.find(([pattern]) => pattern.test(title))?.[1] ?? 'other';
}
