import { foldSpace } from './text.ts';
import { valueOrText } from './source-ref.ts';

/**
 * Label/value pairs as EHR pages print them: two-column table rows, `dl` lists, and
 * "Label: value" text (several per line when joined by "·" or "|").
 */
export interface LabelValue {
  label: string;
  value: string;
  /** The element holding the value (or the whole line, for text pairs). */
  element: Element;
}

const MAX_LABEL = 48;

/** Rows of a two-column table (`th`/`td` or `td`/`td` with a short first cell). */
export function pairsFromTable(table: Element): LabelValue[] {
  const pairs: LabelValue[] = [];
  for (const row of table.querySelectorAll('tr')) {
    const cells = [...row.children].filter((c) => c.localName === 'td' || c.localName === 'th');
    // Label, value, label, value … rows (banner tables) as well as plain two-cell rows.
    if (cells.length < 2 || cells.length % 2 !== 0) continue;
    if (cells.every((c) => c.localName === 'th')) continue;
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const label = cleanLabel(valueOrText(cells[i]!));
      if (label && label.length <= MAX_LABEL) pairs.push({ label, value: valueOrText(cells[i + 1]!), element: cells[i + 1]! });
    }
  }
  return pairs;
}

/** `dt`/`dd` pairs; several `dd` after one `dt` are joined. */
export function pairsFromDl(dl: Element): LabelValue[] {
  const pairs: LabelValue[] = [];
  let label: string | undefined;
  for (const child of dl.querySelectorAll(':scope > dt, :scope > dd, :scope > div > dt, :scope > div > dd')) {
    if (child.localName === 'dt') label = cleanLabel(valueOrText(child));
    else if (label) {
      const last = pairs[pairs.length - 1];
      if (last && last.label === label && last.element.nextElementSibling === child) last.value += `; ${valueOrText(child)}`;
      else pairs.push({ label, value: valueOrText(child), element: child });
    }
  }
  return pairs;
}

const TEXT_PAIR = /^([A-Za-z][A-Za-z0-9 .'()/#&-]{0,47}?)\s*[:：]\s*(.*)$/;

/** "MRN: 123 · DOB: 1/2/1950" → two pairs; "Label:" with nothing after gives an empty value. */
export function pairsFromText(line: string, element: Element): LabelValue[] {
  const pairs: LabelValue[] = [];
  const segments = splitSegments(line);
  for (let i = 0; i < segments.length; i++) {
    const m = TEXT_PAIR.exec(segments[i]!);
    if (!m || /^https?$/i.test(m[1]!)) continue;
    let value = m[2]!.trim();
    // "Document Type:        History and Physical": a label aligned in a column, its value after
    // the gap (unless what follows is a label of its own: "DOB:      MRN: 4820193").
    const next = segments[i + 1];
    if (!value && next && !TEXT_PAIR.test(next)) {
      value = next;
      i++;
    }
    pairs.push({ label: cleanLabel(m[1]!), value, element });
  }
  return pairs;
}

/** Splits a line at the separators EHR banners put between fields. */
export function splitSegments(line: string): string[] {
  return line.split(/\s+[·|•]\s+|\s{3,}|\t/).flatMap(splitRunOnLabels).map((s) => foldSpace(s)).filter(Boolean);
}

/**
 * Dictated text runs its labels on in one line: "ESTIMATED BLOOD LOSS: 15 mL. SPECIMENS:
 * Gallbladder. DRAINS: None." or "SURGEON: Ann Roe, MD. ASSISTANT: Ben Li, PA-C." A capitals
 * label after a sentence's end starts a segment of its own.
 */
export function splitRunOnLabels(text: string): string[] {
  return text.split(RUN_ON_LABEL);
}

const RUN_ON_LABEL = /(?<=[A-Za-z0-9)%][.;])\s+(?=[A-Z][A-Z/&'-]+(?: [A-Z/&'-]+){0,4}:\s)/;

/** "Date of Birth *:" → "Date of Birth". */
export function cleanLabel(text: string): string {
  return foldSpace(text).replace(/\s*\*\s*$/, '').replace(/\s*[:：]\s*$/, '').replace(/\s*\*\s*$/, '');
}
