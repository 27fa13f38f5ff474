import type { DomAdapter, DomInput } from '../adapter.ts';
import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import { findDocuments } from '../dom/document-blocks.ts';
import { isDataControl, readField } from '../dom/form-fields.ts';
import { pairsFromDl, pairsFromTable, pairsFromText, splitSegments, type LabelValue } from '../dom/label-value.ts';
import { findOrders, findProblems } from '../dom/order-table.ts';
import { closestWithin, containerOf, scanPage, type PageScan } from '../dom/page-scan.ts';
import { personFrom } from '../dom/signature-line.ts';
import { refOf, withSelectorCache } from '../dom/source-ref.ts';
import { textOf } from '../dom/text.ts';
import type { WalkContext } from '../dom/walk.ts';
import { emptySnapshot, type ChartSnapshot, type Encounter, type Field, type FormState } from '../snapshot.ts';

/**
 * The fallback for an EHR nobody described: reads any page by the conventions charts share —
 * headings, label/value pairs (tables, `dl`, "Label: value"), form fields with their labels,
 * signature lines in their usual wordings, and name / MRN / date-of-birth patterns. What it
 * could not read goes into `warnings`. Always last in DOM_ADAPTERS: it claims every page.
 */
export const generic: DomAdapter = {
  id: 'generic',
  matches: () => true,
  extract: (input) => withSelectorCache(() => readPage(input)),
};

function readPage(input: DomInput): ChartSnapshot {
  const snapshot = emptySnapshot('generic', input.now);
  const scan = scanPage(input.document);
  reportScan(scan, snapshot.warnings);
  // Each part is read on its own: a page that defeats one still yields the others.
  const part = (what: string, read: () => void) => {
    try {
      read();
    } catch (error) {
      snapshot.warnings.push(`Could not read the ${what} on this page: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  part('patient and encounter', () => {
    const pairs = collectPairs(scan);
    readPatient(pairs, snapshot);
    const encounter = readEncounter(pairs);
    if (encounter) snapshot.encounter = encounter;
  });
  part('documents', () => (snapshot.documents = findDocuments(scan, snapshot.warnings)));
  part('orders', () => (snapshot.orders = findOrders(scan)));
  part('problem list', () => (snapshot.diagnoses = findProblems(scan)));
  part('form fields', () => (snapshot.forms = readForms(scan)));
  return JSON.parse(JSON.stringify(snapshot)) as ChartSnapshot;
}

interface Pair extends LabelValue {
  ctx: WalkContext;
  /** Inside a document (an `article`): its identifiers, not the page banner's. */
  inDocument: boolean;
}

/** Known banner labels that may stand without a colon when they are their own element. */
const BARE_LABEL = /^(patient|patient name|name|mrn|dob|date of birth|sex|gender|age)$/i;
const MAX_PAIRS = 2000;
const CELLS = new Set(['td', 'th', 'dd', 'dt']);

function collectPairs(scan: PageScan): Pair[] {
  const pairs: Pair[] = [];
  const add = (found: LabelValue[], ctx: WalkContext) => {
    for (const p of found) if (pairs.length < MAX_PAIRS) pairs.push({ ...p, ctx, inDocument: containerOf(scan, p.element) !== undefined });
  };
  for (const t of scan.tables) add(pairsFromTable(t.el), t.ctx);
  for (const d of scan.dls) add(pairsFromDl(d.el), d.ctx);
  for (const line of scan.lines) {
    if (pairs.length >= MAX_PAIRS) break;
    if (line.text.length > 300 || closestWithin(line.el, CELLS, 4)) continue;
    if (line.text.includes(':')) add(pairsFromText(line.text, line.el), line.ctx);
    const first = line.el.firstElementChild;
    // <div><span>MRN</span> <span>4820193</span></div>: a bare label element, then its value.
    if (first && first.childElementCount === 0 && BARE_LABEL.test(textOf(first)) && first.nextElementSibling?.childElementCount === 0) {
      const value = textOf(first.nextElementSibling);
      if (value) add([{ label: textOf(first), value, element: first.nextElementSibling }], line.ctx);
    }
    // "Rivera, Maria L · MRN 4820193 · DOB 03/14/1958": labels followed by a space only.
    for (const segment of splitSegments(line.text)) {
      const m = /^(MRN|DOB)\s+([^:\s].*)$/.exec(segment);
      if (m) add([{ label: m[1]!, value: m[2]!, element: line.el }], line.ctx);
    }
  }
  return pairs;
}

const PATIENT_LABELS: [keyof ChartSnapshot['patient'], RegExp][] = [
  ['name', /^(patient|patient name|name|patient full name)$/i],
  ['mrn', /^(mrn|medical record (number|no\.?|#)|med rec #|record (number|no\.?|#)|chart (number|no\.?|#)|patient id)$/i],
  ['dob', /^(dob|d\.o\.b\.?|date of birth|birth ?date|birthdate|born)$/i],
  ['sex', /^(sex|gender|sex at birth)$/i],
];

function readPatient(pairs: Pair[], snapshot: ChartSnapshot): void {
  // Banner values outside any document first; a document's printed identifiers as fallback.
  const ordered = [...pairs.filter((p) => !p.inDocument), ...pairs.filter((p) => p.inDocument)];
  for (const [key, label] of PATIENT_LABELS) {
    const pair = ordered.find((p) => label.test(p.label) && p.value && p.value.length < 80);
    if (!pair) continue;
    const value = key === 'dob' ? pair.value.replace(/\s*\(.*\)$/, '') : pair.value;
    snapshot.patient[key] = fieldOf(pair, value, key === 'dob');
  }
  const missing = PATIENT_LABELS.map(([key]) => key).filter((key) => key !== 'sex' && !snapshot.patient[key]);
  if (missing.length > 0) snapshot.warnings.push(`Could not find the patient's ${missing.join(', ').replace('dob', 'date of birth').replace('mrn', 'MRN')} on this page.`);
}

const ENCOUNTER_LABELS = {
  kind: /^(type|encounter type|visit type|patient class|class|encounter class|admission type)$/i,
  admittedAt: /^(admitted|admission|admit date|admission date|admit time|date of admission|arrival)$/i,
  dischargedAt: /^(discharged|discharge|discharge date|date of discharge)$/i,
  attending: /^(attending|attending physician|attending provider)$/i,
  admittingDiagnosis: /^(admitting diagnosis|admission diagnosis|reason for admission)$/i,
};

function readEncounter(pairs: Pair[]): Encounter | undefined {
  const find = (re: RegExp) => pairs.find((p) => !p.inDocument && re.test(p.label) && p.value);
  const encounter: Encounter = {};
  const kind = find(ENCOUNTER_LABELS.kind);
  if (kind && /inpatient|outpatient|emergency|observation|ambulatory|\bER\b|\bED\b/i.test(kind.value)) {
    encounter.kind = kind.value.toLowerCase().replace(/^ambulatory$/, 'outpatient');
  }
  const admitted = find(ENCOUNTER_LABELS.admittedAt);
  if (admitted && parseClinicalDate(admitted.value)) encounter.admittedAt = fieldOf(admitted, admitted.value, true);
  const discharged = find(ENCOUNTER_LABELS.dischargedAt);
  if (discharged && parseClinicalDate(discharged.value)) encounter.dischargedAt = fieldOf(discharged, discharged.value, true);
  const attending = find(ENCOUNTER_LABELS.attending);
  if (attending) encounter.attending = personFrom(attending.value, refOf(attending.element, attending.ctx, attending.value));
  const dx = find(ENCOUNTER_LABELS.admittingDiagnosis);
  if (dx) encounter.admittingDiagnosis = fieldOf(dx, dx.value, false);
  return Object.keys(encounter).length > 0 ? encounter : undefined;
}

function fieldOf(pair: Pair, value: string, isDate: boolean): Field {
  const field: Field = { value, source: refOf(pair.element, pair.ctx, value) };
  return isDate ? withDate(field) : field;
}

function readForms(scan: PageScan): FormState[] {
  const seen = new Set<string>();
  return scan.controls.filter((c) => isDataControl(c.el)).slice(0, 1000).flatMap((c, index) => {
    const type = (c.el.getAttribute('type') ?? '').toLowerCase();
    // A radio group is one field: keep its checked member (or the first).
    const name = c.el.getAttribute('name');
    if (type === 'radio' && name) {
      if (seen.has(name)) return [];
      seen.add(name);
      const group = [...(c.el.getRootNode() as ParentNode).querySelectorAll(`input[type="radio"]`)].filter((r) => r.getAttribute('name') === name);
      c = { ...c, el: group.find((r) => (r as HTMLInputElement).checked) ?? c.el };
    }
    const field = readField(c.el);
    return [{
      id: c.el.getAttribute('id') || name || `field-${index + 1}`,
      ...field,
      source: refOf(c.el, c.ctx, field.label),
    }];
  });
}

function reportScan(scan: PageScan, warnings: string[]): void {
  const { report } = scan;
  if (report.truncated) warnings.push(`This page is very large: only its first ${report.visited.toLocaleString('en-US')} nodes were read.`);
  for (const frame of report.unreadableFrames) warnings.push(`Frame "${frame}" could not be read (another origin, or not loaded).`);
}
