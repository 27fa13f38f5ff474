import type { DomAdapter } from '../adapter.ts';
import { withDate } from '../dated-field.ts';
import { parseClinicalDate } from '../dates.ts';
import { kindFromTitle } from '../document-kind.ts';
import { pairsFromDl } from '../dom/label-value.ts';
import { personFrom, parseSignatureLine } from '../dom/signature-line.ts';
import { refOf } from '../dom/source-ref.ts';
import { textOf } from '../dom/text.ts';
import {
  emptySnapshot,
  type ChartDocument, type ChartSnapshot, type CodedItem, type Encounter, type Field, type Order, type Section,
} from '../snapshot.ts';

/**
 * The Medplum provider app (Mantine UI). Read by its stable class names — `mantine-*`,
 * `PatientSummary_*`, `SummaryItem_*`, `CollapsibleSection_*` — never by the hashed ones
 * (`_sidebar_1f221_9`), which change with every build. Plain TS rather than a selector map:
 * most values are found by text shape (a date line, "Signed and Locked by …"), not by selector.
 */
export const medplum: DomAdapter = {
  id: 'medplum',
  matches: ({ document }) =>
    document.querySelector('[class*="mantine-"]') !== null &&
    (document.querySelector('[class*="PatientSummary_"]') !== null || /\bmedplum\b/i.test(document.title)),
  extract(input) {
    const { document } = input;
    const snapshot = emptySnapshot('medplum', input.now);
    readPatient(document, snapshot);
    const encounter = readEncounter(document);
    if (encounter) snapshot.encounter = encounter.encounter;
    const note = readNote(document, input.url, encounter);
    if (note) snapshot.documents.push(note);
    snapshot.diagnoses = readProblems(document);
    snapshot.orders = readServiceRequests(document);
    if (document.querySelector('.mantine-SegmentedControl-input[value="details"]:not([checked])')) {
      snapshot.warnings.push('The visit\'s "Details & Billing" tab is not open: its diagnoses and charges were not read.');
    }
    return JSON.parse(JSON.stringify(snapshot)) as ChartSnapshot;
  },
};

/** A CSS-module class, as built (`SummaryItem_item`) or with a build hash (`SummaryItem_item_x1y2`). */
function cls(name: string, tail = ''): string {
  return `.${name}${tail}, [class*="${name}_"]${tail}`;
}

function field(el: Element, value = textOf(el)): Field {
  return { value, source: refOf(el, undefined, value) };
}

/** The sidebar summary: name first, then one SummaryItem per demographic (DOB, sex, …). */
function readPatient(document: Document, snapshot: ChartSnapshot): void {
  const panel = document.querySelector(cls('PatientSummary_panel'));
  if (!panel) snapshot.warnings.push('No Medplum patient summary on this page.');
  const items = [...(panel?.querySelectorAll(cls('SummaryItem_item')) ?? [])];
  // The first item is the header: avatar, then the name over "Patient since …".
  const nameEl = items[0]?.querySelector('.mantine-Stack-root > p');
  if (nameEl) snapshot.patient.name = field(nameEl);
  for (const p of items.flatMap((item) => [...item.querySelectorAll('p')])) {
    const text = textOf(p);
    // "1986-05-12 (040Y)": birth date with age.
    const dob = /^(\d{4}-\d{2}-\d{2})\s*\(\d+Y\)$/.exec(text);
    if (dob && !snapshot.patient.dob) snapshot.patient.dob = { ...field(p, dob[1]), iso: dob[1]! };
    if (/^(male|female|other|unknown)$/i.test(text) && !snapshot.patient.sex) snapshot.patient.sex = field(p);
  }
  const mrn = readMrn(document);
  if (mrn) snapshot.patient.mrn = mrn;
  else snapshot.warnings.push('The MRN is not shown on this Medplum page (open the patient timeline to read it).');
}

/** The timeline shows Patient identifiers as "system: value"; the MRN's system names it. */
function readMrn(document: Document): Field | undefined {
  for (const dl of document.querySelectorAll(cls('DescriptionList_root'))) {
    for (const pair of pairsFromDl(dl)) {
      if (!/^identifier$/i.test(pair.label)) continue;
      for (const item of pair.element.querySelectorAll(':scope > div')) {
        const m = /^(\S*mrn\S*|MR):\s*(\S+)$/i.exec(textOf(item));
        if (m) return field(item, m[2]);
      }
    }
  }
  return undefined;
}

interface ReadEncounter {
  encounter: Encounter;
  title: string;
}

/** The visit header: "Visit" over "11/2/2026 · Alice Smith MD". */
function readEncounter(document: Document): ReadEncounter | undefined {
  for (const heading of document.querySelectorAll('p.mantine-Text-root[data-size="lg"]')) {
    const line = heading.nextElementSibling;
    const m = line && /^(.+?)\s+·\s+(.+)$/.exec(textOf(line));
    if (!line || !m || !parseClinicalDate(m[1]!)) continue;
    const title = textOf(heading);
    const encounter: Encounter = {
      // The provider app calls ambulatory encounters "Visit"; other titles are kept as printed.
      kind: /^visit$/i.test(title) ? 'outpatient' : title.toLowerCase(),
      admittedAt: withDate(field(line, m[1])),
      attending: personFrom(m[2]!, refOf(line, undefined, textOf(line))),
    };
    return { encounter, title };
  }
  return undefined;
}

/** The chart note card: its textarea holds the note; the signature card sits above it. */
function readNote(document: Document, url: string, encounter: ReadEncounter | undefined): ChartDocument | undefined {
  const textarea = [...document.querySelectorAll('textarea.mantine-Textarea-input')].find(
    (t) => !t.hasAttribute('placeholder') && t.closest('.mantine-Card-root'),
  );
  if (!textarea) return undefined;
  const card = textarea.closest('.mantine-Card-root')!;
  const heading = card.querySelector('.mantine-Title-root');
  const titleText = heading ? textOf(heading) : `${encounter?.title ?? 'Visit'} note`;
  const live = (textarea as HTMLTextAreaElement).value;
  const text = (typeof live === 'string' && live.trim() ? live : (textarea.textContent ?? '')).trim();
  const encounterId = /\/Encounter\/([\w-]+)/.exec(url)?.[1];
  const soap = soapSections(text, textarea);
  return {
    id: encounterId ? `encounter-${encounterId}-note` : 'chart-note',
    kind: soap.length > 1 ? 'progress-note' : kindFromTitle(titleText),
    title: heading ? field(heading) : { value: titleText, source: refOf(card, undefined, titleText) },
    // No createdAt: the page prints no note time, and the visit date is not the note's.
    signature: readSignatureCard(document),
    identifiers: {},
    sections: soap.length > 0 ? soap : [{ title: titleText, text, source: refOf(textarea, undefined, text) }],
    source: refOf(card, undefined, titleText),
  };
}

/** "Signed and Locked by Alice Smith, MD" with the date beside it; no card means unsigned. */
function readSignatureCard(document: Document): ChartDocument['signature'] {
  for (const p of document.querySelectorAll('.mantine-Card-root p.mantine-Text-root')) {
    const text = textOf(p);
    if (!/^signed and locked by\b/i.test(text)) continue;
    const signature = parseSignatureLine(text, refOf(p, undefined, text)) ?? { status: 'signed' };
    const date = p.nextElementSibling;
    if (date && !signature.signedAt && parseClinicalDate(textOf(date))) signature.signedAt = withDate(field(date));
    return signature;
  }
  return { status: 'unsigned' };
}

const SOAP_TITLES: Record<string, string> = { S: 'Subjective', O: 'Objective', A: 'Assessment', P: 'Plan' };

/** Splits "S: … O: … A: … P: …" notes into their sections. */
function soapSections(text: string, textarea: Element): Section[] {
  const sections: Section[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([SOAP])\s*:\s*(.*)$/.exec(line);
    const last = sections[sections.length - 1];
    if (m) sections.push({ title: SOAP_TITLES[m[1]!]!, text: m[2]!.trim(), source: refOf(textarea, undefined, line) });
    else if (last && line.trim()) last.text += ` ${line.trim()}`;
  }
  return sections;
}

/** The "Problems" section of the summary: text, status badge and onset date per item. */
function readProblems(document: Document): CodedItem[] {
  const section = [...document.querySelectorAll(cls('CollapsibleSection_root'))].find((s) =>
    /^problems$/i.test(textOf(s.querySelector(cls('CollapsibleSection_title')))),
  );
  return [...(section?.querySelectorAll(cls('SummaryItem_item')) ?? [])].flatMap((item, index) => {
    const textEl = item.querySelector(cls('SummaryItem_itemText'));
    if (!textEl) return [];
    const status = textOf(item.querySelector('.mantine-Badge-label'));
    const dateEl = [...item.querySelectorAll('p[data-size="xs"]')].find((p) => parseClinicalDate(textOf(p)));
    const problem: CodedItem = { id: `problem-${index + 1}`, text: field(textEl), role: 'problem', source: refOf(item, undefined, textOf(item)) };
    if (status) problem.status = status.toLowerCase();
    if (dateEl) problem.date = withDate(field(dateEl));
    return [problem];
  });
}

/** ServiceRequests on the timeline: entered in Medplum, so electronic orders. */
function readServiceRequests(document: Document): Order[] {
  const orders: Order[] = [];
  for (const item of document.querySelectorAll('[data-testid="timeline-item"]')) {
    const kindLink = [...item.querySelectorAll('a[href*="/ServiceRequest/"]')].pop();
    const dl = item.querySelector('dl');
    if (!kindLink || textOf(kindLink) !== 'ServiceRequest' || !dl) continue;
    const pairs = new Map(pairsFromDl(dl).map((p) => [p.label.toLowerCase(), p]));
    const code = pairs.get('code');
    if (!code) continue;
    const authored = pairs.get('authored on');
    const requester = pairs.get('requester');
    const id = pairs.get('id')?.value;
    orders.push({
      id: id ? `service-request-${id}` : `order-${orders.length + 1}`,
      kind: 'electronic',
      text: field(code.element, code.value),
      ...(authored ? { orderedAt: withDate(field(authored.element, authored.value)) } : {}),
      ...(requester ? { orderedBy: personFrom(requester.value, refOf(requester.element, undefined, requester.value)) } : {}),
      // The timeline shows no authentication for a ServiceRequest: say so rather than guess.
      signature: { status: 'unknown' },
      source: refOf(item, undefined, code.value),
    });
  }
  return orders;
}
