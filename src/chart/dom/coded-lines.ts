import type { CodedItem } from '../snapshot.ts';
import type { Line, PageScan } from './page-scan.ts';
import { refOf } from './source-ref.ts';

/**
 * Diagnoses and procedures written as lines rather than grids: "S72.142   Displaced
 * intertrochanteric fracture of left femur", "Mixed hyperlipidemia [E78.2]", "1. Neoplasm of
 * skin — D49.2 …", and the entries of a diagnosis list without codes ("DISCHARGE DIAGNOSES:" then
 * "1. Acute pancreatitis, alcohol-induced"). Whether a code is a diagnosis or a procedure comes
 * from the label or heading above it, then from its shape.
 */

const CM = String.raw`[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?`;
const PCS = String.raw`[0-9A-HJ-NP-Z]{7}`;
/** A code at the start of the line, then its description. */
const LEADING = new RegExp(String.raw`^\W{0,3}(?:\d{1,2}[.)]\s+)?(${CM}|${PCS})(?=\s{2,}|\s+[-–—:]\s*|\s+[A-Z][a-z])\s*[-–—:]?\s*(.{3,200})$`);
/** A code in brackets, or after a dash, at the end of the description. */
const TRAILING = new RegExp(String.raw`^\W{0,3}(?:\d{1,2}[.)]\s+)?(.{3,200}?)\s*(?:\[(${CM}|${PCS})\]|\((?:ICD-?10(?:-CM)?:?\s*)?(${CM})\)|[-–—:]\s*(${CM})(?=\s|$))(.*)$`);
const DIAGNOSIS_LABEL = /\b(diagnos[ie]s|dx|problems?|impressions?|assessment|conditions?|medical history|pmh|past history|icd-?10(-cm)?)\b/i;
const PROCEDURE_LABEL = /\b(procedures?|px|icd-?10-?pcs|operations?|surger(y|ies))\b/i;
/** "PRINCIPAL:", "SECONDARY:", "1.", "-": list markers before a diagnosis. */
const MARKER = /^\s*(?:(?:principal|primary|secondary|other|admitting|final|discharge)\s*(?:diagnos[ie]s|dx)?\s*:\s*|\d{1,2}[.)]\s+|[-*•·]\s+)/i;

export function findCodedLines(scan: PageScan, isTableLine: (line: Line) => boolean): { diagnoses: CodedItem[]; procedures: CodedItem[] } {
  const diagnoses: CodedItem[] = [];
  const procedures: CodedItem[] = [];
  let context = '';
  let listOpen = 0;
  scan.lines.forEach((line, i) => {
    const heading = scan.headings[line.heading]?.text ?? '';
    const label = /^([A-Za-z][A-Za-z /&()-]{2,40}):\s*(.*)$/.exec(line.text);
    if (label && (DIAGNOSIS_LABEL.test(label[1]!) || PROCEDURE_LABEL.test(label[1]!))) {
      context = label[1]!;
      listOpen = 12;
    } else if (label && !MARKER.test(line.text)) listOpen = 0;
    if (isTableLine(line) || line.text.length > 260) return;
    const here = `${context} ${heading} ${hostContext(line)}`;
    const found = codeOf(line.text) ?? markedCode(line);
    if (found) {
      const isProcedure = PROCEDURE_LABEL.test(here) && !DIAGNOSIS_LABEL.test(context) ? true : /^[0-9]/.test(found.code) || (found.code.length === 7 && !found.code.includes('.') && /^.[A-Z]/.test(found.code));
      const item: CodedItem = {
        id: `${isProcedure ? 'px' : 'dx'}-line-${i + 1}`,
        text: { value: found.text, source: refOf(line.el, line.ctx, line.text) },
        code: { system: isProcedure ? 'ICD-10-PCS' : 'ICD-10-CM', code: found.code, ...(found.text ? { display: found.text } : {}) },
        source: refOf(line.el, line.ctx, line.text),
      };
      if (isProcedure) procedures.push(item);
      else diagnoses.push({ ...item, role: roleOf(line.text, here) });
      return;
    }
    // An entry of a diagnosis list written without codes.
    if (listOpen > 0 && !label) {
      listOpen--;
      const text = line.text.replace(MARKER, '').replace(/\s*[-–—]\s*(improving|resolved|stable|repleted|ruled out).*$/i, '').trim();
      if (text.length >= 4 && text.length <= 140 && /[a-z]{3}/i.test(text) && !/[.?!]\s+[A-Z]/.test(text) && DIAGNOSIS_LABEL.test(context)) {
        diagnoses.push({ id: `dx-text-${i + 1}`, text: { value: text, source: refOf(line.el, line.ctx, line.text) }, role: roleOf(line.text, context), source: refOf(line.el, line.ctx, line.text) });
      }
    }
  });
  return { diagnoses, procedures };
}

/** A quick look for anything code-shaped before the full patterns (most lines hold none). */
const CODE_SHAPED = /[A-Z][0-9][0-9A-Z]|[0-9A-HJ-NP-Z]{7}/;

function codeOf(text: string): { code: string; text: string } | undefined {
  if (!CODE_SHAPED.test(text)) return undefined;
  const lead = LEADING.exec(text);
  if (lead && /\d/.test(lead[1]!)) return { code: lead[1]!, text: lead[2]!.replace(/\s{2,}.*$/, '').trim() };
  const trail = TRAILING.exec(text);
  const code = trail ? trail[2] ?? trail[3] ?? trail[4] : undefined;
  // "Precautions: Q15 observation, elopement risk": after a colon or dash, a category without
  // a dot is a code only where the entry ends; inside prose it is a frequency or a count.
  const inProse = trail?.[4] !== undefined && !code!.includes('.') && !/^\s*(?:$|[·|;,)]|\s{2})/.test(trail[5] ?? '');
  if (trail && code && /\d/.test(code) && !inProse) return { code, text: trail[1]!.replace(MARKER, '').trim() };
  return undefined;
}

/** A full-form ICD-10-CM code: "J18.9", "E11", never "A1C". */
const MARKED_CM = /^(?:[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}|[A-TV-Z]\d\d)$/;

/**
 * "Pneumonia of left lower lobe <span class="code">J18.9</span>": a code set apart in an
 * element of its own at the end of the line, with the description before it.
 */
function markedCode(line: Line): { code: string; text: string } | undefined {
  const last = line.el.lastElementChild;
  if (!last || last.childElementCount !== 0) return undefined;
  const code = (last.textContent ?? '').trim();
  if (!MARKED_CM.test(code) || !line.text.endsWith(code)) return undefined;
  const text = line.text.slice(0, -code.length).replace(/[\s,:–—-]+$/, '').trim();
  return text.length >= 3 && /[a-z]{3}/i.test(text) ? { code, text } : undefined;
}

function roleOf(text: string, context: string): string {
  if (/\bprincipal\b|\(principal\)/i.test(text)) return 'principal';
  if (/\badmit(ting)?\b/i.test(text)) return 'admitting';
  if (/\b(final|discharge)\b/i.test(context)) return 'final';
  if (/\b(medical history|pmh|past history)\b/i.test(context)) return 'other';
  return /\bproblems?\b/i.test(context) ? 'problem' : 'other';
}

/** The web component a line sits in names what it shows (`<ehr-diagnosis-list>`). */
function hostContext(line: Line): string {
  return line.ctx.hosts.map((h) => h.localName.replace(/-/g, ' ')).join(' ');
}
