import { fnv1a } from '../engine/fingerprint.ts';
import type { ChartSnapshot } from './snapshot.ts';

/**
 * A short key for "this patient's chart", so that dismissals and history can be kept per chart
 * without storing who the patient is: a hash of the MRN, date of birth and name as read (or of
 * the page address when the page names no patient).
 */
export function chartKeyOf(snapshot: ChartSnapshot): string {
  const { mrn, dob, name } = snapshot.patient;
  const parts = [mrn?.value, dob?.iso ?? dob?.value, name?.value].map((v) => (v ?? '').toLowerCase().replace(/\s+/g, ' ').trim());
  const basis = parts.some(Boolean) ? parts.join('|') : `url:${snapshot.source.url ?? ''}`;
  return `c${fnv1a(basis)}${fnv1a(`#${basis}`)}`;
}
