import { parseClinicalDate } from '../dates.ts';
import { ENCOUNTER_KINDS, ENCOUNTER_LABELS } from '../vocabulary.ts';
import type { Line, PageScan } from './page-scan.ts';
import { smallTextOf } from './text.ts';

/** A value the banner printed, with the line it was read from. */
export interface BannerValue {
  value: string;
  line: Line;
}

export interface BannerEncounter {
  kind?: { means: string; line: Line };
  admittedAt?: BannerValue;
  dischargedAt?: BannerValue;
}

/** How far down the page a banner can be: headers, the patient bar, the visit strip. */
const BANNER_LINES = 800;
const MAX_LINE = 160;
const MAX_BANNER = 1200;
/** Banner parts are set apart by middots, bars, dashes between spaces, brackets or wide gaps. */
const SEGMENT_BREAK = /\s*[·•|—–[\]()]\s*|\s+-\s+|\s{3,}/;
/** Words a banner puts before the class itself: "Enc Inpatient", "Visit: Office Visit". */
const KIND_LEAD = /^(?:[Ee]nc(?:ounter)?|ENC|[Vv]isit|[Pp]t|PT|[Pp]atient|[Tt]ype|[Cc]lass)(?:[\s:]+|(?=[A-Z][a-z]))/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** "Adm 08/03/2026 22:14", "Admitted Sep 12, 2026 7:40 PM": a label, then the date it labels. */
const LABELLED_DATE = new RegExp(`^([A-Za-z][A-Za-z ./&]{1,30}?)\\s*[:：]?\\s+((?:\\d|${MONTH}\\s).*)$`, 'i');

/**
 * The encounter as a banner prints it without label: value pairs — "Inpatient [05/11/2026 22:50 -
 * 05/15/2026 12:30]", "Enc Inpatient · Adm 08/03/2026 22:14", "Office Visit — 07/15/2026",
 * "4 West Medical - Inpatient". A class word must be a whole part of the banner (so "Ambulatory
 * Organizer" in a toolbar is not a visit class), and dates right after it are the stay's start
 * and end. Lines inside documents are skipped: a note's own header speaks for the note.
 */
export function readBannerEncounter(scan: PageScan, inDocument: (line: Line) => boolean): BannerEncounter {
  const found: BannerEncounter = {};
  for (const line of scan.lines.slice(0, BANNER_LINES)) {
    if (line.text.length > MAX_BANNER || inDocument(line)) continue;
    // A long banner line is read by its parts (its child elements) only.
    const texts = line.text.length > MAX_LINE ? childTexts(line.el) : [line.text, ...childTexts(line.el)];
    const segments = texts.flatMap((text) => text.split(SEGMENT_BREAK)).map((s) => s.trim()).filter(Boolean);
    segments.forEach((segment, index) => {
      const means = !found.kind ? wholeKind(segment) : undefined;
      if (means) {
        found.kind = { means, line };
        // The stay's dates follow the class: "[start - end]"; "<No - Discharge date>" is no end.
        const [start, end] = segments.slice(index + 1, index + 3);
        if (!found.admittedAt && start && isDateOnly(start)) found.admittedAt = { value: start, line };
        if (!found.dischargedAt && start && end && isDateOnly(start) && isDateOnly(end)) found.dischargedAt = { value: end, line };
        return;
      }
      const labelled = LABELLED_DATE.exec(segment);
      if (!labelled || parseClinicalDate(labelled[2]!) === undefined) return;
      const label = ENCOUNTER_LABELS.lookup(labelled[1]!);
      if (label === 'admittedAt' && !found.admittedAt) found.admittedAt = { value: labelled[2]!, line };
      if (label === 'dischargedAt' && !found.dischargedAt) found.dischargedAt = { value: labelled[2]!, line };
    });
  }
  return found;
}

/** A strip of chips or spans is one line of text; each child is a part of the banner too. */
function childTexts(el: Element): string[] {
  if (el.children.length < 2 || el.children.length > 30) return [];
  return [...el.children].map((c) => smallTextOf(c) ?? '').filter((t) => t.length > 0 && t.length <= MAX_LINE);
}

/** The encounter class a banner part names, when the class word is the whole part. */
function wholeKind(segment: string): string | undefined {
  const bare = segment.replace(KIND_LEAD, '').trim();
  if (!bare || bare.length > 30 || /\d/.test(bare)) return undefined;
  // A two-letter class ("IN", "ED", "IP") is an abbreviation only in capitals: "(in)" is a unit.
  if (bare.length <= 2 && bare !== bare.toUpperCase()) return undefined;
  for (const entry of ENCOUNTER_KINDS.entries) {
    const m = entry.re.exec(bare);
    if (m && m[0].length === bare.length) return entry.means;
  }
  return undefined;
}

/** A part that is only a date (and time): "05/11/2026 22:50", "Sep 12, 2026 7:40 PM". */
function isDateOnly(segment: string): boolean {
  if (segment.length > 32 || parseClinicalDate(segment) === undefined) return false;
  // Nothing but the date's own words may be left: months, AM/PM, "at", a time zone.
  const rest = segment.replace(new RegExp(MONTH, 'gi'), '').replace(/\b(?:[ap]\.?m\.?|at|hrs?|[A-Z]{2,3}T)\b/gi, '');
  return !/[A-Za-z]/.test(rest);
}
