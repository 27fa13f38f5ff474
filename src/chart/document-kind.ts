import type { DocumentKind } from './snapshot.ts';

/** Title wordings, checked in order, for the kinds the rule packs reason about. */
const KIND_PATTERNS: [RegExp, DocumentKind][] = [
  [/\b(h\s*&\s*p|h and p|history (and|&) physical)\b.*\bupdate\b|\binterval (h&p|history)\b|\bh&p update\b/i, 'hp-update'],
  [/\b(h\s*&\s*p|h and p|history (and|&) physical)\b|\badmission (note|history)\b/i, 'history-and-physical'],
  [/\bdischarge summary\b/i, 'discharge-summary'],
  [/\bbrief op(erative)? note\b|\bimmediate post-?op(erative)? note\b/i, 'brief-operative-note'],
  [/\bop(erative)? (report|note)\b|\bsurgical (report|note)\b/i, 'operative-report'],
  [/\bpre-?anesthesia\b|\bpre-?anesthetic\b/i, 'anesthesia-pre'],
  [/\bpost-?anesthesia\b|\bpost-?anesthetic\b/i, 'anesthesia-post'],
  [/\bconsent\b/i, 'consent'],
  [/\bconsult(ation)?\b/i, 'consultation'],
  [/\bprocedure (note|report)\b/i, 'procedure-note'],
  [/\bpathology\b|\bsurgical pathology\b/i, 'pathology-report'],
  [/\b(radiology|imaging)\b|\b(x-?ray|ct|mri|ultrasound) report\b/i, 'imaging-report'],
  [/\bnursing\b/i, 'nursing-note'],
  [/\bprogress note\b|\bdaily note\b|\bsoap note\b/i, 'progress-note'],
];

/** The document kind a title names, or 'other'. */
export function kindFromTitle(title: string): DocumentKind {
  for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(title)) return kind;
  return 'other';
}
