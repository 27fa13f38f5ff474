import type { DocumentParts, DomAdapter, DomInput } from '../chart/adapter.ts';
import { DOM_ADAPTERS } from '../chart/adapters/index.ts';
import { withCoverage } from '../chart/coverage.ts';
import { extractFromDom, pickAdapter, withSource } from '../chart/extract.ts';
import type { ChartDocument, ChartSnapshot } from '../chart/snapshot.ts';
import type { ChangedDocument } from '../chart/snapshot-update.ts';

/**
 * What one reading found: the whole chart; or, when only some documents changed, the rest of
 * the chart (its `documents` empty) with those documents; or nothing new.
 */
export type Reading =
  | { kind: 'full'; snapshot: ChartSnapshot }
  | { kind: 'update'; rest: ChartSnapshot; changed: ChangedDocument[] }
  | { kind: 'unchanged' };

interface KnownDocument {
  index: number;
  /** As last read here; undefined when it was read elsewhere (a large page, see readElsewhere). */
  document: ChartDocument | undefined;
}

/**
 * Reads the chart of one page again and again as it changes, re-reading as little as it can.
 * With an adapter that reads in parts (`DomAdapter.parts`), a change inside a document re-reads
 * only that document and the small rest of the page: a keystroke in a chart of thousands of
 * notes stays cheap. Anything that could move documents or their selectors (a document added
 * or removed, a change among their ancestors, a new URL) reads the whole page again, as does
 * every reading of a page whose adapter has no parts. Never throws, like `extractFromDom`.
 */
export class ChartReader {
  private parts: DocumentParts | undefined;
  private known = new Map<Element, KnownDocument>();
  private dirty = new Set<Element>();
  /** The next reading must read everything: nothing read yet, or the page's structure changed. */
  private whole = true;
  private url = '';
  private lastRest = '';
  private lastWhole = '';

  constructor(
    private readonly doc: Document,
    private readonly adapters: readonly DomAdapter[] = DOM_ADAPTERS,
  ) {}

  /** Sorts the page's mutations into "inside this document" and "may have moved documents". */
  noteMutations(records: readonly MutationRecord[]): void {
    const parts = this.parts;
    if (this.whole || !parts) return;
    for (const record of records) {
      if (this.movesDocuments(record, parts.selector)) {
        this.whole = true;
        return;
      }
      const target = elementOf(record.target);
      const home = target?.closest(parts.selector);
      if (home) this.dirty.add(home);
    }
  }

  /** Typing changes a control's value without any mutation: its document is read again. */
  noteInput(target: EventTarget | null): void {
    if (this.whole || !this.parts || !target || (target as Node).nodeType !== 1) return;
    const home = (target as Element).closest(this.parts.selector);
    if (home) this.dirty.add(home);
  }

  /**
   * The next reading reads the whole page, and sends it even if unchanged. For a submission:
   * a script may have set a control's value with neither an event nor a mutation.
   */
  readWholeNext(): void {
    this.whole = true;
  }

  /** The next reading reads the whole page and sends it (the worker lost track of this one). */
  forgetReading(): void {
    this.whole = true;
    this.lastWhole = '';
  }

  /**
   * Reads `copy`, a copy of this page cut to the read budget (page-copy.ts), as the whole chart,
   * marked partial with what the cut left out. Its documents are not the page's elements, so the
   * next reading reads the whole page again.
   */
  readCopy(copy: Document, url: string, now: string, cut: { truncated: boolean; warnings: string[] }): Reading {
    const reading = this.readWhole({ document: copy, url, now }, cut);
    this.whole = true;
    this.parts = undefined;
    this.known.clear();
    return reading;
  }

  /**
   * The page was read elsewhere (too large to read here, see page-markup.ts): the next reading
   * here reads the whole page, and sends it even if it matches an earlier one of this reader.
   */
  readElsewhere(): void {
    this.whole = true;
    this.parts = undefined;
    this.known.clear();
    this.lastWhole = '';
    this.lastRest = '';
  }

  /**
   * The page's whole reading, made elsewhere from an exact copy of it (not cut by a budget),
   * found `documents` documents. With an adapter that reads in parts, those are this page's
   * elements its selector matches, in order: from now on a change inside one is read here, that
   * document alone (`readChangesOnly`), as after a whole reading here. Unless they do not match
   * up (the page changed meanwhile): then the next reading is whole again.
   */
  readElsewhereDone(url: string, documents: number): void {
    this.readElsewhere();
    const parts = pickAdapter({ document: this.doc, url, now: '' }, this.adapters)?.parts;
    if (!parts) return;
    const elements = [...this.doc.querySelectorAll(parts.selector)];
    if (elements.length !== documents) return;
    elements.forEach((element, index) => this.known.set(element, { index, document: undefined }));
    this.parts = parts;
    this.url = url;
    this.whole = false;
  }

  /** Whether the next reading may be of the changes only: the last was whole, of this URL, with parts. */
  mayReadChangesOnly(url: string): boolean {
    return !this.whole && this.parts !== undefined && url === this.url;
  }

  /**
   * Only the documents that changed and the rest of the page, read here; undefined when only a
   * whole reading will do (nothing read yet, no parts, a new URL, documents moved).
   */
  readChangesOnly(url: string, now: string): Reading | undefined {
    const parts = this.parts;
    if (!parts || !this.mayReadChangesOnly(url)) return undefined;
    try {
      return this.readChanged({ document: this.doc, url, now }, parts);
    } catch (error) {
      console.debug('chartlint: reading the changed part failed', error);
      return undefined;
    }
  }

  read(url: string, now: string): Reading {
    return this.readChangesOnly(url, now) ?? this.readWhole({ document: this.doc, url, now });
  }

  /**
   * Whether a mutation may add, remove or re-address documents: then only a whole reading is
   * right. Documents are found by a selector on the element itself, and addressed by a CSS path
   * of ids and `:nth-of-type` steps (`cssPath`), so what counts is an element becoming or ceasing
   * to be a document, documents added or removed, an ancestor's id, and elements inserted or
   * removed before a same-tag sibling that holds documents.
   */
  private movesDocuments(record: MutationRecord, selector: string): boolean {
    const target = elementOf(record.target);
    if (!target) return false;
    if (record.type === 'characterData') return false;
    if (record.type === 'attributes') {
      if (target.matches(selector) !== this.known.has(target)) return true;
      return record.attributeName === 'id' && !target.matches(selector) && target.querySelector(selector) !== null;
    }
    const nodes = [...record.addedNodes, ...record.removedNodes];
    if (nodes.some((node) => holdsDocument(node, selector))) return true;
    const tags = new Set(nodes.filter((node) => node.nodeType === 1).map((node) => (node as Element).localName));
    if (tags.size === 0) return false;
    // The record's nextSibling, and the added nodes' own (not every DOM fills in the former).
    const starts = [record.nextSibling, ...[...record.addedNodes].map((node) => node.nextSibling)];
    return starts.some((start) => {
      for (let sibling = start; sibling; sibling = sibling.nextSibling) {
        if (tags.has((sibling as Element).localName) && holdsDocument(sibling, selector)) return true;
      }
      return false;
    });
  }

  /** Undefined when a whole reading is needed: a changed document is not one this reader knows. */
  private readChanged(input: DomInput, parts: DocumentParts): Reading | undefined {
    const rest = withSource(parts.readRest(input), input);
    const changed: ChangedDocument[] = [];
    for (const element of this.dirty) {
      const known = this.known.get(element);
      if (!known || !element.isConnected) return undefined;
      const document = parts.readDocument(element, known.index, input);
      if (JSON.stringify(document) === JSON.stringify(known.document)) continue;
      known.document = document;
      changed.push({ index: known.index, document });
    }
    this.dirty.clear();
    const restSignature = signatureOf(rest);
    if (changed.length === 0 && restSignature === this.lastRest) return { kind: 'unchanged' };
    this.lastRest = restSignature;
    this.lastWhole = '';
    return { kind: 'update', rest, changed };
  }

  private readWhole(input: DomInput, cut?: { truncated: boolean; warnings: string[] }): Reading {
    this.whole = false;
    this.url = input.url;
    this.dirty.clear();
    this.known.clear();
    const adapter = pickAdapter(input, this.adapters);
    this.parts = adapter?.parts;
    const snapshot = this.parts ? this.readByParts(input, this.parts) : undefined;
    const read = snapshot ?? extractFromDom(input, adapter ? [adapter] : []);
    const chart = cut?.truncated ? withCoverage({ ...read, warnings: [...read.warnings, ...cut.warnings] }, { ...read.coverage, truncated: true }) : read;
    // Unchanged chart (only the reading time differs): nothing to judge again.
    const signature = signatureOf(chart);
    if (signature === this.lastWhole) return { kind: 'unchanged' };
    this.lastWhole = signature;
    this.lastRest = signatureOf({ ...chart, documents: [] });
    return { kind: 'full', snapshot: chart };
  }

  /** The whole page through the adapter's parts, remembering each document's element. */
  private readByParts(input: DomInput, parts: DocumentParts): ChartSnapshot | undefined {
    try {
      const rest = parts.readRest(input);
      const elements = [...input.document.querySelectorAll(parts.selector)];
      rest.documents = elements.map((element, index) => {
        const document = parts.readDocument(element, index, input);
        this.known.set(element, { index, document });
        return document;
      });
      return withSource(rest, input);
    } catch (error) {
      // `extractFromDom` reads it again and turns the error into a warning on the snapshot.
      console.debug('chartlint: reading in parts failed', error);
      this.parts = undefined;
      this.known.clear();
      return undefined;
    }
  }
}

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

function holdsDocument(node: Node, selector: string): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return element.matches(selector) || element.querySelector(selector) !== null;
}

/** What a reading says, for "has anything changed": not when it was read, nor the coverage derived from it. */
function signatureOf(snapshot: ChartSnapshot): string {
  return JSON.stringify({ ...snapshot, source: { ...snapshot.source, extractedAt: '' }, coverage: undefined });
}
