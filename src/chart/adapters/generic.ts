import type { DomAdapter, DomInput } from '../adapter.ts';
import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import { UNASSIGNED_MIN_CHARACTERS, withCoverage } from '../coverage.ts';
import { listsSeveralCharts } from '../dom/chart-list.ts';
import { findCodeGrids } from '../dom/code-grid.ts';
import { readBannerEncounter, type BannerEncounter, type BannerValue } from '../dom/encounter-banner.ts';
import { findCodedLines } from '../dom/coded-lines.ts';
import { findDocuments } from '../dom/document-blocks.ts';
import { segmentDocuments } from '../dom/document-segments.ts';
import { findListedDocuments, mergeListed } from '../dom/listed-documents.ts';
import { repeatedBlocks } from '../dom/repeated-blocks.ts';
import { findTextOrders } from '../dom/text-orders.ts';
import { currentValue, isDataControl, readField } from '../dom/form-fields.ts';
import { cleanLabel, pairsFromDl, pairsFromTable, pairsFromText, splitSegments, type LabelValue } from '../dom/label-value.ts';
import { findOrderCards } from '../dom/order-cards.ts';
import { findOrders, findProblems } from '../dom/order-table.ts';
import { byTagOrRole, closestWhere, closestWithin, containerOf, isInside, linesUnder, scanPage, withAncestryCache, type Line, type PageScan } from '../dom/page-scan.ts';
import { personFrom } from '../dom/signature-line.ts';
import { refOf, withSelectorCache } from '../dom/source-ref.ts';
import { smallTextOf, textOf } from '../dom/text.ts';
import type { WalkContext } from '../dom/walk.ts';
import { emptySnapshot, type ChartDocument, type ChartSnapshot, type CodedItem, type Encounter, type Field, type FormState } from '../snapshot.ts';
import { CREDENTIAL_ALTERNATION, ENCOUNTER_KINDS, ENCOUNTER_LABELS, PATIENT_LABELS } from '../vocabulary.ts';
import { thousands } from '../thousands.ts';

/**
 * The fallback for an EHR nobody described: reads any page by the conventions charts share —
 * headings, label/value pairs (tables, `dl`, "Label: value"), form fields with their labels,
 * signature lines in their usual wordings, and name / MRN / date-of-birth patterns. What it
 * could not read goes into `warnings`. Always last in DOM_ADAPTERS: it claims every page.
 */
export const generic: DomAdapter = {
  id: 'generic',
  matches: () => true,
  extract: (input) => withSelectorCache(() => withAncestryCache(() => readPage(input))),
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
  const assigned = new Set<Line>();
  // Order cards first: an article that is an order is not a document.
  let cardOrders: ChartSnapshot['orders'] = [];
  const inCard = new Set<Line>();
  part('orders', () => {
    const { orders, cards } = findOrderCards(scan, scan.containers);
    if (cards.size === 0) return;
    cardOrders = orders;
    scan.containers = scan.containers.filter((c) => !cards.has(c.el));
    scan.byContainer = undefined;
    for (const card of cards) for (const line of linesUnder(scan, card)) inCard.add(line);
    for (const line of inCard) assigned.add(line);
  });
  part('patient and encounter', () => {
    const pairs = collectPairs(scan);
    readPatient(pairs, scan, snapshot);
    // A worklist of several charts has no one encounter: each row's dates are its own chart's.
    const encounter = listsSeveralCharts(scan) ? undefined : readEncounter(pairs, scan);
    if (encounter) snapshot.encounter = encounter;
  });
  part('documents', () => (snapshot.documents = readDocuments(scan, snapshot.warnings, assigned)));
  part('orders', () => {
    const inDataTable = dataTableCells(scan);
    snapshot.orders = [...cardOrders, ...findOrders(scan), ...findTextOrders(scan, (line) => inDataTable(line.el) || inCard.has(line))];
  });
  part('codes', () => {
    const grids = findCodeGrids(scan);
    const problems = findProblems(scan);
    const inDataTable = dataTableCells(scan);
    const lines = findCodedLines(scan, (line) => inDataTable(line.el));
    snapshot.diagnoses = dedupeCodes([...grids.diagnoses, ...problems, ...lines.diagnoses]);
    snapshot.procedures = dedupeCodes([...grids.procedures, ...lines.procedures]);
  });
  part('form fields', () => (snapshot.forms = readForms(scan)));
  const plain = JSON.parse(JSON.stringify(snapshot)) as ChartSnapshot;
  return withCoverage(plain, { unassigned: unassignedText(scan, assigned), truncated: scan.report.truncated });
}

/**
 * The page's documents from every layout the reader knows: elements of their own (`article`),
 * rows of a notes grid and leaves of a documents tree, and notes in a stream of lines (headed
 * HTML, `<pre>` text, print views). A note shown in a reader pane and listed in its grid is one
 * document. Fills `assigned` with the lines that belong to some document.
 */
function readDocuments(scan: PageScan, warnings: string[], assigned: Set<Line>): ChartDocument[] {
  // Notes as repeated components (cards, accordion items) count as containers like articles.
  const rank = new Map(scan.lines.map((l, i) => [l, i]));
  const firstLine = (el: Element) => rank.get(linesUnder(scan, el)[0]!) ?? -1;
  const repeated = repeatedBlocks(scan).filter((b) => !scan.containers.some((c) => c.el === b.el || isInside(b.el, c.el)));
  if (repeated.length > 0) {
    const ranked = [...scan.containers, ...repeated].map((c) => ({ c, at: firstLine(c.el) }));
    scan.containers = ranked.sort((a, b) => a.at - b.at).map((r) => r.c);
    scan.byContainer = undefined;
  }
  const articles = findDocuments(scan, warnings);
  const listed = findListedDocuments(scan);
  const listedEls = new Set(listed.map((l) => l.el));
  const inDataTable = dataTableCells(scan);
  // Lines already read (order cards) are no note's.
  const isOwned = (line: Line) => assigned.has(line) || articles.owned.has(line) || inDataTable(line.el) || listedEls.has(line.el);
  const segments = segmentDocuments(scan, scan.lines, isOwned);
  for (const line of articles.owned) assigned.add(line);
  for (const s of segments) for (const line of s.lines) assigned.add(line);
  for (const line of scan.lines) if (inDataTable(line.el) || listedEls.has(line.el)) assigned.add(line);
  const shown = [...articles.documents, ...segments.map(({ doc, rank }) => ({ doc, rank }))];
  const all = mergeListed(listed.map(({ doc, rank }) => ({ doc, rank })), shown);
  const documents = all.sort((a, b) => a.rank - b.rank).map((r) => r.doc);
  // Ids must be unique in a snapshot: a page may reuse an id, or two readers name alike.
  const seen = new Map<string, number>();
  for (const doc of documents) {
    const n = (seen.get(doc.id) ?? 0) + 1;
    seen.set(doc.id, n);
    if (n > 1) doc.id = `${doc.id}-${n}`;
  }
  return documents;
}

/** Lines inside the cells of a table with column headers: its rows are data, not notes. */
function dataTableCells(scan: PageScan): (el: Element) => boolean {
  const dataTables = new Set(scan.tables.filter((t) => t.el.localName.toLowerCase() !== 'table' || hasHeaderRow(t.el)).map((t) => t.el));
  return (el) => {
    const table = closestTable(el);
    return table !== null && dataTables.has(table);
  };
}

function hasHeaderRow(table: Element): boolean {
  const first = table.querySelector('tr');
  return (table.querySelector('thead') !== null || (first !== null && first.children.length > 1 && [...first.children].every((c) => c.localName === 'th')))
    && table.querySelectorAll('tr').length > 1;
}

const TABLE_LIKE = byTagOrRole(['table'], ['grid', 'treegrid']);

function closestTable(el: Element): Element | null {
  return closestWhere(el, TABLE_LIKE, 11);
}

/** The same code read twice (a code grid and a problem list over the same rows) is one item. */
function dedupeCodes(items: CodedItem[]): CodedItem[] {
  const kept: CodedItem[] = [];
  for (const item of items) {
    const selector = item.source.selector ?? '';
    const twin = kept.find((k) => (k.code?.code === item.code?.code || (!k.code && !item.code && k.text.value === item.text.value)) && sameRow(k.source.selector ?? '', selector));
    if (!twin) kept.push(item);
  }
  return kept;
}

/** Two selectors on one row: one is the other, or inside it. */
function sameRow(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b} > `) || b.startsWith(`${a} > `);
}

/** Page regions that are never chart content. */
const CHROME = byTagOrRole(['nav', 'button', 'footer', 'label', 'select', 'option'], ['navigation', 'menu', 'menubar', 'toolbar', 'tablist', 'contentinfo', 'banner']);

/**
 * Runs of text that no reader assigned to a document, order, code or field: chart content
 * chartlint saw but could not read, which keeps a read from counting as complete.
 */
function unassignedText(scan: PageScan, assigned: Set<Line>): { blocks: number; characters: number; samples: string[] } {
  const result = { blocks: 0, characters: 0, samples: [] as string[] };
  let run: Line[] = [];
  const flush = () => {
    const characters = run.reduce((n, l) => n + l.text.length, 0);
    if (characters >= UNASSIGNED_MIN_CHARACTERS) {
      result.blocks++;
      result.characters += characters;
      if (result.samples.length < 3) result.samples.push(run.map((l) => l.text).join(' ').slice(0, 120));
    }
    run = [];
  };
  for (const line of scan.lines) {
    if (assigned.has(line) || isPairLine(line.text) || inChrome(line.el)) {
      if (assigned.has(line)) flush();
      continue;
    }
    run.push(line);
  }
  flush();
  return result;
}

function isPairLine(text: string): boolean {
  return text.length <= 160 && /^[^:]{1,40}:\s*\S/.test(text);
}

function inChrome(el: Element): boolean {
  return closestWhere(el, CHROME) !== null;
}

interface Pair extends LabelValue {
  ctx: WalkContext;
  /** Inside a document (an `article`): its identifiers, not the page banner's. */
  inDocument: boolean;
}

const MAX_PAIRS = 2000;
const CELLS = new Set(['td', 'th', 'dd', 'dt']);
const CONTROLS = new Set(['select', 'input', 'textarea']);

function collectPairs(scan: PageScan): Pair[] {
  const pairs: Pair[] = [];
  const add = (found: LabelValue[], ctx: WalkContext) => {
    for (const p of found) {
      if (pairs.length >= MAX_PAIRS) return;
      for (const split of splitRunOn(p)) pairs.push({ ...split, ctx, inDocument: containerOf(scan, p.element) !== undefined });
    }
  };
  for (const t of scan.tables) add(pairsFromTable(t.el), t.ctx);
  for (const d of scan.dls) add(pairsFromDl(d.el), d.ctx);
  for (const line of scan.lines) {
    if (pairs.length >= MAX_PAIRS) break;
    if (line.text.length > 300) continue;
    // Text pairs in a cell too ("Admitted: APR 06, 2026@21:40   Discharged: …" in a layout
    // table), unless the cell is only a label whose value is the next cell.
    if (line.text.includes(':') && (!closestWithin(line.el, CELLS, 4) || /:\s*\S/.test(line.text))) add(pairsFromText(line.text, line.el), line.ctx);
    // <div><span>MRN</span> <span>4820193</span></div>, <td>Pt Name</td>… : a bare label element, then its value.
    if (line.text.startsWith(textOf(line.el.firstElementChild))) add(alternatingPairs(line.el), line.ctx);
    add(labelledChildren(line.el), line.ctx);
    const next = line.el.nextElementSibling;
    if (line.el.childElementCount === 0 && isBannerLabel(line.text) && next && (next.childElementCount <= 1 || CONTROLS.has(next.localName)) && !CELLS.has(line.el.localName)) {
      // <label>Class</label><select>…</select>: the chosen option, not every option's text.
      const value = CONTROLS.has(next.localName) ? currentValue(next) : textOf(next);
      if (value && value.length < 80) add([{ label: cleanLabel(line.text), value, element: next }], line.ctx);
    }
    // <div><b>DOE, JOHN</b> <span>MRN: 4007</span> <span>DOB: 03/14/1951</span></div>: each
    // chip a pair of its own, where the line's text runs them together with single spaces.
    const children = smallChildren(line.el);
    for (const child of children) if (child.text.includes(':')) add(pairsFromText(child.text, child.el), line.ctx);
    // "Rivera, Maria L · MRN 4820193 · DOB 03/14/1958": labels followed by a space only; a
    // banner of spans ("MRN <b>123</b>") split where its elements are.
    for (const segment of [...splitSegments(line.text), ...children.map((c) => c.text)]) {
      const m = /^(MRN|DOB|FIN|CSN|Acct ?#?|Unit ?#|Age\/Sex|Sex|Age)\s+([^:\s].*)$/i.exec(segment);
      if (m) add([{ label: m[1]!, value: m[2]!, element: line.el }], line.ctx);
    }
  }
  return pairs;
}

/**
 * A strip of label and value elements — <span class="k">Type</span><span>Inpatient</span>
 * <span class="k">Admitted</span><span><time>Sep 14, 2026 3:25 AM</time></span> — read pair
 * by pair from its start, while the children keep alternating; where they stop, so does the
 * reading ("Hx obtained from <span>patient</span> / spouse" is prose: its label does not start it).
 */
function alternatingPairs(el: Element): LabelValue[] {
  const pairs: LabelValue[] = [];
  let label = el.firstElementChild;
  for (let guard = 0; label && guard < 15; guard++) {
    const value = label.nextElementSibling;
    const labelText = textOf(label);
    // The value may wrap one element of its own (a <time>, a <b>).
    const known = guard === 0 ? isBannerLabel(labelText) : labelText.length <= 30;
    const control = value !== null && CONTROLS.has(value.localName);
    if (label.childElementCount !== 0 || !known || !value || (value.childElementCount > 1 && !control)) break;
    // <label>Class</label><select>…</select>: the chosen option, not every option's text.
    const text = control ? currentValue(value) : textOf(value);
    if (text) pairs.push({ label: cleanLabel(labelText), value: text, element: value });
    label = value.nextElementSibling;
  }
  return pairs;
}

/**
 * Chips that each start with their label: <span><span class="k">MRN</span>M00583317</span>.
 * The label and the value run together in the text ("MRNM00583317"), so the label element says
 * where the value starts.
 */
function labelledChildren(el: Element): LabelValue[] {
  if (el.children.length < 2 || el.children.length > 30) return [];
  const pairs: LabelValue[] = [];
  for (const chip of el.children) {
    const label = chip.firstElementChild;
    if (!label || label.childElementCount !== 0 || chip.childElementCount > 3) continue;
    const labelText = textOf(label);
    const whole = smallTextOf(chip) ?? '';
    if (!labelText || !whole.startsWith(labelText) || !isBannerLabel(labelText)) continue;
    const value = whole.slice(labelText.length).replace(/^\s*[:：]?\s*/, '');
    if (value && value.length <= 80) pairs.push({ label: cleanLabel(labelText), value, element: chip });
  }
  return pairs;
}

/** An element's children with their texts, when it has several: a banner of spans or chips. */
function smallChildren(el: Element): { el: Element; text: string }[] {
  const children = el.children;
  if (children.length < 2 || children.length > 30) return [];
  // Only small children (spans, chips): a nested block's text is a whole part of the page.
  return [...children].map((c) => ({ el: c, text: smallTextOf(c) ?? '' })).filter((c) => c.text && c.text.length <= 120);
}

/** The texts of an element's children, when it has several: a banner of spans or chips. */
function childTexts(el: Element): string[] {
  return smallChildren(el).map((c) => c.text);
}

/** A label the banner vocabularies know ("Pt Name", "Unit #", "Adm Dt/Tm"). */
function isBannerLabel(text: string): boolean {
  return text.length <= 30 && (PATIENT_LABELS.lookup(text) !== undefined || ENCOUNTER_LABELS.lookup(text) !== undefined);
}

/**
 * "DOE, JOHN   Unit #: M000123" read as one value: a value that runs on into another known
 * label ("… Unit #: …") is cut there, and the label after it becomes a pair of its own.
 */
function splitRunOn(pair: LabelValue): LabelValue[] {
  const out: LabelValue[] = [];
  let current = pair;
  for (let guard = 0; guard < 8; guard++) {
    const m = /\s([A-Z][A-Za-z#./ ]{0,22}?)\s?[:：]\s*/.exec(current.value);
    if (!m || !isBannerLabel(m[1]!)) break;
    out.push({ ...current, value: current.value.slice(0, m.index).trim() });
    current = { label: cleanLabel(m[1]!), value: current.value.slice(m.index + m[0].length).trim(), element: current.element };
  }
  out.push(current);
  return out;
}

function readPatient(pairs: Pair[], scan: PageScan, snapshot: ChartSnapshot): void {
  // Banner values outside any document first; a document's printed identifiers as fallback.
  const ordered = [...pairs.filter((p) => !p.inDocument), ...pairs.filter((p) => p.inDocument)];
  const valid: Record<string, (value: string) => boolean> = {
    name: (v) => /[A-Za-z]{2}/.test(v) && v.length <= 60 && !parseClinicalDate(v) && !/\d{3}/.test(v) && !CLINICIAN_NAME.test(v),
    mrn: (v) => /\d/.test(v) && v.length <= 30,
    dob: (v) => parseClinicalDate(v) !== undefined,
    sex: (v) => /^(m|f|u|x|male|female|unknown|other|intersex|non-binary|nonbinary)\b/i.test(v),
  };
  for (const key of ['name', 'mrn', 'dob', 'sex'] as const) {
    const pair = ordered.find((p) => PATIENT_LABELS.lookup(p.label) === key && p.value && valid[key]!(cleanValue(key, p.value)));
    if (!pair) continue;
    snapshot.patient[key] = fieldOf(pair, cleanValue(key, pair.value), key === 'dob');
  }
  if (!snapshot.patient.sex) {
    const ageSex = ordered.find((p) => PATIENT_LABELS.lookup(p.label) === 'age-sex' && SEX_IN.test(p.value));
    const sex = ageSex ? SEX_IN.exec(ageSex.value)?.[1] : undefined;
    if (ageSex && sex) snapshot.patient.sex = fieldOf(ageSex, sex, false);
  }
  if (!snapshot.patient.name) readNameLine(scan, snapshot);
  if (!snapshot.patient.dob || !snapshot.patient.sex) readDemographicsLine(scan, snapshot);
  snapshot.patient.dob = birthInThePast(snapshot.patient.dob, snapshot.source.extractedAt);
  const missing = (['name', 'mrn', 'dob'] as const).filter((key) => !snapshot.patient[key]);
  if (missing.length > 0) snapshot.warnings.push(`Could not find the patient's ${missing.join(', ').replace('dob', 'date of birth').replace('mrn', 'MRN')} on this page.`);
}

/**
 * "Resident: Anika Bhatt, MD (PGY-4)" on a surgical case line: a clinician's name with
 * credentials, never the patient's, whatever label is before it.
 */
const CLINICIAN_NAME = new RegExp(String.raw`^[^,]+\s[^,]+,\s*(?:${CREDENTIAL_ALTERNATION})\b`);

/** "67 y/o F", "F / 67 yrs", "54 Male". */
const SEX_IN = /(?:^|[\s/,|])(M|F|Male|Female)(?=$|[\s/,|])/i;

function cleanValue(key: string, value: string): string {
  if (key === 'dob') return value.replace(/\s*\(.*\)$/, '').replace(/\s+(age|\d+\s*(y|yo|yrs?|years?)\b).*$/i, '').trim();
  if (key === 'mrn') return value.split(/\s{2,}|\s+[·|]\s+/)[0]!.trim();
  return value.trim();
}

/**
 * A banner that prints the name without a label ("DOE,JOHN Q   666-00-1234   APR 6,1950", or
 * "SMITH, JOHN A · MRN 123"): the name is the first segment of the line that holds an
 * identifier or the birth date, when it reads as a person's name.
 */
function readNameLine(scan: PageScan, snapshot: ChartSnapshot): void {
  const idText = snapshot.patient.mrn?.source.text ?? snapshot.patient.dob?.source.text;
  // A name on a line of its own just above or below the banner's identifiers.
  const idLine = idText ? scan.lines.findIndex((l) => l.text.includes(idText.slice(0, 20))) : -1;
  for (let i = Math.max(0, idLine - 4); idLine >= 0 && i <= idLine + 2 && i < scan.lines.length; i++) {
    const line = scan.lines[i]!;
    // "Nadia K. Ferreira-Lund" alone on its line above "74 y.o. F · DOB … · MRN …".
    const alone = i < idLine && line.el.childElementCount === 0 && GIVEN_FIRST.test(line.text) && !NOT_A_PERSON.test(line.text);
    for (const text of [line.text, ...childTexts(line.el)]) {
      if (NAME_SHAPE.test(text) || (alone && text === line.text)) {
        snapshot.patient.name = { value: text, source: refOf(line.el, line.ctx, text) };
        return;
      }
    }
  }
  for (const line of scan.lines.slice(0, 400)) {
    if (line.text.length > 200) continue;
    const segments = splitSegments(line.text);
    const first = segments[0];
    if (!first || segments.length < 2) continue;
    const rest = segments.slice(1).join(' ');
    const hasId = (idText && line.text.includes(idText.slice(0, 20))) || /\b\d{3}-\d{2}-\d{4}\b|\bMRN\b|\bDOB\b/i.test(rest) || parseClinicalDate(rest) !== undefined;
    if (!hasId || !NAME_SHAPE.test(first)) continue;
    snapshot.patient.name = { value: first, source: refOf(line.el, line.ctx, line.text) };
    const ssn = /\b(\d{3}-\d{2}-\d{4}|\d{3}-\d{2}-\d{4}P?)\b/.exec(rest);
    if (!snapshot.patient.mrn && ssn) snapshot.patient.mrn = { value: ssn[1]!, source: refOf(line.el, line.ctx, line.text) };
    const dob = segments.slice(1).find((s) => parseClinicalDate(s) && !/\d{3}-\d{2}-\d{4}/.test(s));
    if (!snapshot.patient.dob && dob) snapshot.patient.dob = withDate({ value: dob.replace(/\s*\(.*\)$/, ''), source: refOf(line.el, line.ctx, line.text) });
    return;
  }
}

/**
 * "Female, 68 y.o., 3/14/1958", "47 y · Male · Jan 23, 1979": sex, age and birth date printed
 * together without labels, as banners do. The date is the birth date when the age agrees.
 */
function readDemographicsLine(scan: PageScan, snapshot: ChartSnapshot): void {
  for (const line of scan.lines.slice(0, 600)) {
    for (const text of [line.text, ...childTexts(line.el)]) {
      if (text.length > 120) continue;
      const age = /\b(\d{1,3})\s*(?:y\.?o\.?|yo|yrs?|years?(?: old)?|y)\b/i.exec(text);
      const sex = SEX_IN.exec(text);
      if (!age || !sex) continue;
      if (!snapshot.patient.sex) snapshot.patient.sex = { value: sex[1]!, source: refOf(line.el, line.ctx, text) };
      const rest = text.replace(age[0], ' ');
      const iso = parseClinicalDate(rest);
      const agreeing = iso && Math.abs(Number(snapshot.source.extractedAt.slice(0, 4)) - Number(iso.slice(0, 4)) - Number(age[1])) <= 2;
      if (!snapshot.patient.dob && iso && agreeing) {
        const printed = /\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2}[- ][A-Z][a-z]{2}[- ]\d{4}/.exec(rest)?.[0] ?? rest.trim();
        snapshot.patient.dob = { value: printed, iso, source: refOf(line.el, line.ctx, text) };
      }
      return;
    }
  }
}

/** "DOB 11/30/51" is 1951: a birth date read in the future had its two-digit year in the wrong century. */
function birthInThePast(dob: Field | undefined, now: string): Field | undefined {
  if (!dob?.iso || dob.iso.slice(0, 10) <= now.slice(0, 10) || !/(^|\D)\d{2}$/.test(dob.value.trim())) return dob;
  return { ...dob, iso: `${Number(dob.iso.slice(0, 4)) - 100}${dob.iso.slice(4)}` };
}

/** "Nadia K. Ferreira-Lund", "John A. Smith": given names first, no credentials. */
const GIVEN_FIRST = /^[A-Z][a-z'-]+(?:\s(?:[A-Z]\.?|[A-Z][a-z'-]+(?:-[A-Z][a-z'-]+)?)){1,3}$/;
/** Words of a facility, a unit or a page title, never of a patient's name. */
const NOT_A_PERSON = /\b(hospital|medical|medicine|center|centre|health|clinic|record|summary|note|chart|unit|team|department|services?|patient|header|banner|list|view|report)\b/i;

/** "DOE,JOHN Q", "Rivera, Maria L", "SMITH, JOHN A": surname, comma, given names. */
const NAME_SHAPE = /^[A-Z][A-Za-z'-]+(?:[ -][A-Z][A-Za-z'-]+)?,\s?[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'.-]*){0,2}$/;

function readEncounter(pairs: Pair[], scan: PageScan): Encounter | undefined {
  const banner: Pair[] = pairs.filter((p) => !p.inDocument);
  const all = (means: string, ok: (value: string) => boolean = () => true) =>
    banner.filter((p) => ENCOUNTER_LABELS.lookup(p.label) === means && p.value && ok(p.value));
  const find = (means: string, ok?: (value: string) => boolean) => all(means, ok)[0];
  const isDate = (v: string) => parseClinicalDate(v) !== undefined;
  const encounter: Encounter = {};
  // Printed without labels: "Inpatient [05/11/2026 22:50 - …]", "Enc Inpatient · Adm 08/03/2026 22:14".
  // Read only when a labelled pair is missing: it walks the banner's lines on every read.
  let read: BannerEncounter | undefined;
  const printed = () => (read ??= readBannerEncounter(scan, (line) => containerOf(scan, line.el) !== undefined));
  const kind = find('kind', (v) => v.length <= 60 && ENCOUNTER_KINDS.lookup(v) !== undefined);
  if (kind) encounter.kind = ENCOUNTER_KINDS.lookup(kind.value)!;
  const admitted = timedFirst(all('admittedAt', isDate));
  // No class label: the heading the admission sits under ("Inpatient"), or its own line.
  if (!kind && admitted) {
    const context = [headingBefore(scan, admitted.element), admitted.label].join(' ');
    const inferred = ENCOUNTER_KINDS.lookup(context);
    if (inferred) encounter.kind = inferred;
  }
  if (!encounter.kind) {
    const printedKind = printed().kind;
    if (printedKind) encounter.kind = printedKind.means;
  }
  // An admission label first, then the banner's own dates, then an ED arrival, then a visit's date of service.
  const start = admitted ?? printedPair(printed().admittedAt) ?? timedFirst(all('arrivedAt', isDate)) ?? find('serviceDate', isDate);
  if (start) encounter.admittedAt = fieldOf(start, start.value, true);
  const discharged = timedFirst(all('dischargedAt', isDate)) ?? printedPair(printed().dischargedAt);
  if (discharged) encounter.dischargedAt = fieldOf(discharged, discharged.value, true);
  const attending = find('attending', (v) => /[A-Za-z]{2}/.test(v) && v.length <= 80);
  if (attending) encounter.attending = personFrom(attending.value, refOf(attending.element, attending.ctx, attending.value));
  const dx = find('admittingDiagnosis');
  if (dx) encounter.admittingDiagnosis = fieldOf(dx, dx.value, false);
  return Object.keys(encounter).length > 0 ? encounter : undefined;
}

/**
 * "Adm: 5/18/2026" in the header and "Admit Date: 5/18/2026 4:52 PM" further down: the same
 * day, and the one with the time says more. Otherwise the first one printed.
 */
function timedFirst(candidates: Pair[]): Pair | undefined {
  const first = candidates[0];
  if (!first) return undefined;
  const day = parseClinicalDate(first.value)!.slice(0, 10);
  return candidates.find((p) => { const iso = parseClinicalDate(p.value)!; return iso.length > 10 && iso.startsWith(day); }) ?? first;
}

function printedPair(value: BannerValue | undefined): Pair | undefined {
  return value && { label: '', value: value.value, element: value.line.el, ctx: value.line.ctx, inDocument: false };
}

/** The text of the last heading before `el` in page order. */
function headingBefore(scan: PageScan, el: Element): string {
  const line = scan.lines.find((l) => l.el === el || isInside(el, l.el));
  return line && line.heading >= 0 ? scan.headings[line.heading]!.text : '';
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
  if (report.truncated) {
    const why = report.truncatedBy === 'time' ? 'took too long to read' : 'is very large';
    warnings.push(`This page ${why}: only its first ${thousands(report.visited)} nodes were read.`);
  }
  for (const frame of report.unreadableFrames) warnings.push(`Frame "${frame}" could not be read (another origin, or not loaded).`);
}
