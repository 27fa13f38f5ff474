/**
 * A site profile: what a user taught chartlint about one EHR by pointing at its page. Plain
 * data (CSS selectors and the field each means), kept per origin, exported and imported as
 * JSON (schema.json beside this file), read by the site-profile adapter before the generic
 * reader. It names elements only: no chart text and no patient data is ever stored in it.
 */

/** The `format` every profile file carries, so a stray JSON file is told apart from a profile. */
export const SITE_PROFILE_FORMAT = 'chartlint-site-profile';
export const SITE_PROFILE_VERSION = 1;

export interface SiteProfile {
  format: typeof SITE_PROFILE_FORMAT;
  version: typeof SITE_PROFILE_VERSION;
  /** The EHR's origin (`https://ehr.example.org`): the profile applies to every page there. */
  origin: string;
  /** When it was taught or last changed (ISO 8601). */
  updatedAt: string;
  /** Selectors of the banner's patient identifiers, in the page's document. */
  patient?: { name?: string; mrn?: string; dob?: string };
  /** Notes: `container` matches each note's element; the others are relative to it. */
  documents?: DocumentSelectors;
  /** The table of orders and the grid of codes, read by the generic table readers. */
  orderTable?: string;
  codeGrid?: string;
}

/** The note parts a profile can name, each relative to the note's element. */
export type NotePart = 'title' | 'author' | 'status' | 'signedAt';

export type DocumentSelectors = { container: string; labels?: Partial<Record<NotePart, string>> } & Partial<Record<NotePart, string>>;

/** Every field a user can teach, in the order the panel asks for them. */
export type ProfileField =
  | 'patient.name' | 'patient.mrn' | 'patient.dob'
  | 'document.title' | 'document.author' | 'document.status' | 'document.signedAt'
  | 'orderTable' | 'codeGrid';

export const PROFILE_FIELDS: readonly { field: ProfileField; label: string; hint: string }[] = [
  { field: 'patient.name', label: 'patient name', hint: 'the patient’s name in the banner' },
  { field: 'patient.mrn', label: 'MRN', hint: 'the medical record number' },
  { field: 'patient.dob', label: 'date of birth', hint: 'the date of birth' },
  { field: 'document.title', label: 'note title', hint: 'the title of one note' },
  { field: 'document.author', label: 'note author', hint: 'the author of that same note' },
  { field: 'document.status', label: 'note status', hint: 'its signature line or status' },
  { field: 'document.signedAt', label: 'note signed time', hint: 'when it was signed (optional)' },
  { field: 'orderTable', label: 'order table', hint: 'the table of orders (optional)' },
  { field: 'codeGrid', label: 'code grid', hint: 'the grid of diagnosis or procedure codes (optional)' },
];

/** The words a warning or the options page uses for a field. */
export function fieldLabel(field: ProfileField | 'document.container'): string {
  if (field === 'document.container') return 'note';
  return PROFILE_FIELDS.find((f) => f.field === field)?.label ?? field;
}
