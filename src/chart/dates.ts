/**
 * Dates and times as clinicians and EHRs write them, read into ISO 8601.
 *
 * Wall-clock times without a zone stay without one ("2026-11-23T14:05"): the chart's own
 * times are compared with each other, all in the facility's zone, so guessing a zone would
 * only add error. Returns undefined when the text holds no date we can read for certain.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// The zone must end a word: "16:45 zoster" is not UTC.
// Or 24-hour time without a colon, as charts print it ("06-Apr-2026 2140", "08/17/26 2155",
// "12/03/26 at 1022", "… 12/05/26 1010." at a sentence's end), never part of a number ("1010.5").
const TIME = String.raw`(?:[T\s,@]+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap]\.?m\.?)?(?:\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4}T)\b)?|(?:[\s@-]+|\s+at\s+)([01]\d|2[0-3])([0-5]\d)(?![\d:/-]|[.,]\d))?`;
const ISO = new RegExp(String.raw`\b(\d{4})-(\d{2})-(\d{2})` + TIME, 'i');
const US = new RegExp(String.raw`\b(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})\b` + TIME, 'i');
const WORDY = new RegExp(
  String.raw`\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})\b` + TIME,
  'i',
);
const DAY_FIRST = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?[\s-](jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*[\s-](\d{4})\b` + TIME,
  'i',
);
/** HL7 v3 TS: YYYYMMDD[HHMM[SS]][+/-ZZZZ], as in C-CDA `value` attributes. */
const HL7_TS = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?(?:\.\d+)?)?([+-]\d{4})?$/;

/** Reads the first date (and time, if it follows) in `text`. */
export function parseClinicalDate(text: string): string | undefined {
  const trimmed = text.trim();
  const hl7 = HL7_TS.exec(trimmed);
  if (hl7) {
    const [, y, mo, d, h, mi, s, zone] = hl7;
    return build(Number(y), Number(mo), Number(d), h, mi, s, undefined, zone);
  }
  let m = ISO.exec(trimmed);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? m[9], m[5] ?? m[10], m[6], m[7], m[8]);
  m = US.exec(trimmed);
  if (m) return build(fullYear(m[4]!), Number(m[1]), Number(m[3]), m[5] ?? m[10], m[6] ?? m[11], m[7], m[8], m[9]);
  m = WORDY.exec(trimmed);
  if (m) return build(Number(m[3]), MONTHS[m[1]!.toLowerCase().slice(0, 3)]!, Number(m[2]), m[4] ?? m[9], m[5] ?? m[10], m[6], m[7], m[8]);
  m = DAY_FIRST.exec(trimmed);
  if (m) return build(Number(m[3]), MONTHS[m[2]!.toLowerCase().slice(0, 3)]!, Number(m[1]), m[4] ?? m[9], m[5] ?? m[10], m[6], m[7], m[8]);
  return undefined;
}

/**
 * Two-digit years pivot as POSIX strptime does (69–99 → 1900s, 00–68 → 2000s): "1/2/99" was
 * read as 2099 before. Without the extraction time no pivot is right for every birth year, so
 * a two-digit DOB before 1969 still needs a four-digit year to read correctly.
 */
function fullYear(text: string): number {
  if (text.length !== 2) return Number(text);
  const yy = Number(text);
  return yy >= 69 ? 1900 + yy : 2000 + yy;
}

function build(
  year: number, month: number, day: number,
  hour?: string, minute?: string, second?: string, meridiem?: string, zone?: string,
): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || year < 1850 || year > 2200) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined) return date;
  let h = Number(hour);
  const ampm = meridiem?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23 || Number(minute) > 59) return date;
  const time = `${pad(h)}:${minute}${second ? `:${second}` : ''}`;
  return `${date}T${time}${isoZone(zone)}`;
}

function isoZone(zone?: string): string {
  if (!zone || /^[A-Z]{2,4}T$/i.test(zone)) return '';
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Hours from `a` to `b` (both ISO); wall times without zone are compared as written. */
export function hoursBetween(a: string, b: string): number | undefined {
  const ta = toEpoch(a);
  const tb = toEpoch(b);
  return ta === undefined || tb === undefined ? undefined : (tb - ta) / 3_600_000;
}

/** ISO (with or without zone) to milliseconds; zone-less values are read as UTC wall times. */
export function toEpoch(iso: string): number | undefined {
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/.test(iso);
  const t = Date.parse(hasZone ? iso : iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  return Number.isNaN(t) ? undefined : t;
}
