import { cssPath } from '../dom/css-path.ts';
import { SITE_PROFILE_FORMAT, SITE_PROFILE_VERSION, type DocumentSelectors, type ProfileField, type SiteProfile } from './format.ts';
import { labelOf } from './label.ts';

/** The elements a user clicked while teaching, by the field each means. */
export type Picks = Partial<Record<ProfileField, Element>>;

export type BuiltProfile = { ok: true; profile: SiteProfile } | { ok: false; problem: string };

const NOTE_FIELDS = ['document.title', 'document.author', 'document.status', 'document.signedAt'] as const;
const NOTE_KEYS = { 'document.title': 'title', 'document.author': 'author', 'document.status': 'status', 'document.signedAt': 'signedAt' } as const;

/** How far above the picked note parts the note's own element is looked for. */
const MAX_CLIMB = 12;

/**
 * The site profile for what the user picked. Banner fields and tables get a selector that
 * finds that element on any chart of the EHR (classes and structure, not generated ids); the
 * note's parts are found relative to the note's element, which is the nearest element around
 * them that repeats among its siblings (one card, row or article per note), so the same
 * selectors read every note on the page and on the EHR's other charts.
 */
export function buildProfile(picks: Picks, origin: string, now: string): BuiltProfile {
  if (Object.keys(picks).length === 0) return { ok: false, problem: 'Pick at least one element on the page first.' };
  const profile: SiteProfile = { format: SITE_PROFILE_FORMAT, version: SITE_PROFILE_VERSION, origin, updatedAt: now };
  const patient: NonNullable<SiteProfile['patient']> = {};
  if (picks['patient.name']) patient.name = selectorFor(picks['patient.name']);
  if (picks['patient.mrn']) patient.mrn = selectorFor(picks['patient.mrn']);
  if (picks['patient.dob']) patient.dob = selectorFor(picks['patient.dob']);
  if (Object.keys(patient).length > 0) profile.patient = patient;
  const noteParts = NOTE_FIELDS.flatMap((field) => (picks[field] ? [[field, picks[field]] as const] : []));
  if (noteParts.length > 0) {
    const note = noteElement(noteParts.map(([, el]) => el));
    const container = containerSelector(note);
    const notes = queryAll(note.getRootNode() as Document | ShadowRoot, container);
    const documents: DocumentSelectors = { container };
    for (const [field, el] of noteParts) {
      const key = NOTE_KEYS[field];
      // A label/value row: found again by its label, since notes differ in which rows they have.
      const label = el === note ? undefined : labelOf(el);
      documents[key] = bestRelativeSelector(el, note, notes, label);
      if (label !== undefined) documents.labels = { ...documents.labels, [key]: label };
    }
    profile.documents = documents;
  }
  if (picks.orderTable) profile.orderTable = selectorFor(tableAround(picks.orderTable));
  if (picks.codeGrid) profile.codeGrid = selectorFor(tableAround(picks.codeGrid));
  return { ok: true, profile };
}

/**
 * A selector that finds `el` alone in its document: its tag and classes, with the fewest
 * ancestors (and `:nth-of-type` only where siblings look alike) that make it unique; a stable
 * id ends the climb. Falls back to the positional cssPath.
 */
export function selectorFor(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const steps: string[] = [];
  let unique: string | undefined;
  for (let node: Element | null = el, depth = 0; node && depth < MAX_CLIMB; node = node.parentElement, depth++) {
    const id = node.getAttribute('id');
    if (id && isStableName(id) && node !== el) {
      steps.unshift(`#${escapeName(id)}`);
    } else {
      steps.unshift(stepFor(node));
    }
    const selector = steps.join(' > ');
    if (matchesOnly(root, selector, el)) {
      // Unique here is not enough: "tbody" is unique until the next chart has two tables. It
      // must start at an element that names itself (an id or a class).
      if (/^[#.]|^[\w-]+[.#]/.test(steps[0]!)) return selector;
      unique ??= selector;
    }
    if (steps[0]!.startsWith('#')) break;
  }
  return unique ?? cssPath(el);
}

/** The selector of each note's element: its parent's selector, then its own tag and classes. */
function containerSelector(note: Element): string {
  const parent = note.parentElement;
  const own = signatureOf(note);
  return parent ? `${selectorFor(parent)} > ${own}` : own;
}

/**
 * `el` as found from inside `note`, by classes or by position, whichever finds the part in
 * more of the page's notes: a status chip keeps its class across notes ("pill"), a grid's status
 * cell does not ("st-signed", "st-pended") but keeps its column.
 */
function bestRelativeSelector(el: Element, note: Element, notes: readonly Element[], label: string | undefined): string {
  const byClass = relativeSelector(el, note, label !== undefined, true);
  const byPosition = relativeSelector(el, note, label !== undefined, false);
  const found = (selector: string) => notes.filter((n) => queryAll(n, selector).some((c) => label === undefined || labelOf(c) === label)).length;
  return found(byPosition) > found(byClass) ? byPosition : byClass;
}

/**
 * `el` as found from inside `note`: `:scope > …` steps, or `:scope` for the note itself. With
 * `anyRow`, the last step matches every row like it (the label then tells which).
 */
function relativeSelector(el: Element, note: Element, anyRow: boolean, withClasses: boolean): string {
  if (el === note) return ':scope';
  const steps: string[] = [];
  for (let node: Element | null = el; node && node !== note; node = node.parentElement) {
    const tagOnly = node.localName.toLowerCase();
    if (node === el && anyRow) steps.unshift(withClasses ? signatureOf(node) : tagOnly);
    else steps.unshift(withClasses ? stepFor(node) : positionalStep(node));
  }
  return `:scope > ${steps.join(' > ')}`;
}

/** A step by tag and position among same-tag siblings only. */
function positionalStep(node: Element): string {
  const tag = node.localName.toLowerCase();
  const parent = node.parentElement;
  if (!parent || [...parent.children].filter((c) => c.localName === node.localName).length <= 1) return tag;
  let index = 1;
  for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib.localName === node.localName) index++;
  return `${tag}:nth-of-type(${index})`;
}

/**
 * The note that holds all the picked parts: from their nearest common ancestor up to the first
 * element whose siblings include one like it (the next note), else that common ancestor.
 */
function noteElement(parts: readonly Element[]): Element {
  let common: Element = parts.length === 1 ? (parts[0]!.parentElement ?? parts[0]!) : parts[0]!;
  while (!parts.every((p) => common.contains(p)) && common.parentElement) common = common.parentElement;
  for (let node: Element | null = common, depth = 0; node?.parentElement && depth < MAX_CLIMB; node = node.parentElement, depth++) {
    const signature = signatureOf(node);
    const alike = [...node.parentElement.children].filter((c) => c !== node && safeMatches(c, signature));
    if (alike.length > 0 && node.localName !== 'body' && node.localName !== 'html') return node;
  }
  return common;
}

function tableAround(el: Element): Element {
  return el.closest('table, [role="grid"], [role="treegrid"]') ?? el;
}

/** One step of a selector: tag and stable classes, numbered when a sibling has the same. */
function stepFor(node: Element): string {
  const signature = signatureOf(node);
  const parent = node.parentElement;
  if (!parent) return signature;
  const alike = [...parent.children].filter((c) => safeMatches(c, signature));
  if (alike.length <= 1) return signature;
  let index = 1;
  for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib.localName === node.localName) index++;
  return `${signature}:nth-of-type(${index})`;
}

/**
 * Tag and the class that names what an element is. Only the first: the ones after it tend to
 * say its state or variant ("pill ok" / "pill warn", "card span2"), which differ between notes
 * and between charts. State-like and generated names are never used.
 */
function signatureOf(node: Element): string {
  const tag = node.localName.toLowerCase();
  const kind = [...node.classList].find((c) => isStableName(c) && !STATE_CLASSES.test(c));
  return kind ? `${tag}.${escapeName(kind)}` : tag;
}

const STATE_CLASSES = /^(is-|has-)?(active|selected|current|hover|focus(ed)?|open|expanded|collapsed|hidden|visible|highlight(ed)?|ng-|chartlint)/i;

function isStableName(name: string): boolean {
  return /^[A-Za-z][\w-]*$/.test(name) && !/\d{3,}|[0-9a-f]{8,}/i.test(name) && !name.startsWith('mantine-');
}

function escapeName(name: string): string {
  return name.replace(/([^\w-])/g, '\\$1');
}

function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

function matchesOnly(root: Document | ShadowRoot, selector: string, el: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}
