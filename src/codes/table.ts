/**
 * CodeTable: one release of a code system in memory, with its ICD-10-CM notes and its MCE and
 * MS-DRG attributes when present. Built once (from the starter JSON or from IndexedDB) and
 * then only read: exact and prefix lookup, word search, and what the validation helpers in
 * ./validate need.
 */
import { ICD10CM_PATTERN, normalizeCode } from './code-format.ts';
import type { McePeriod, MceRelease } from './mce.ts';
import type { DrgDxRecord, DrgRelease } from './msdrg.ts';
import type { TabularNode, TabularRange, TabularRelease } from './tabular-notes.ts';
import { expandAbbreviations } from './query-abbreviations.ts';
import { lowerBound, WordIndex } from './word-index.ts';

/** One code of a release. Codes are stored without a dot, upper case. */
export interface CodeEntry {
  readonly code: string;
  /** Valid for reporting (a leaf); false for headers (categories and subcategories). */
  readonly billable: boolean;
  readonly short: string;
  /** Long title, when it differs from the short one. */
  readonly long?: string;
}

export type CodeSystem = 'icd10cm' | 'icd10pcs' | 'hcpcs';

/** Which release a table holds and the dates it governs (ISO, inclusive). */
export interface ReleaseInfo {
  system: CodeSystem;
  fiscalYear: number;
  effectiveFrom: string;
  effectiveTo: string;
  /** Where the data came from, for the options page and for explanations. */
  source: string;
  /** A selection of codes (the fallback list): a code missing from it may still be valid. */
  partial?: boolean;
}

/** Everything a table is built from; only `release` and `entries` are required. */
export interface CodeTableParts {
  release: ReleaseInfo;
  entries: readonly CodeEntry[];
  tabular?: Pick<TabularRelease, 'fiscalYear' | 'nodes' | 'ranges'>;
  mce?: Pick<MceRelease, 'version' | 'terminationDate' | 'ageRanges' | 'dx'>;
  drg?: Pick<DrgRelease, 'version' | 'dx' | 'pdxCollections'>;
}

/** A level of the classification and its notes, as returned by {@link CodeTable.notesFor}. */
export type NoteLevel = TabularNode | TabularRange;

export class CodeTable {
  readonly release: ReleaseInfo;
  readonly mceInfo?: Pick<MceRelease, 'version' | 'terminationDate' | 'ageRanges'>;
  readonly drgVersion?: string;
  readonly tabularYear?: number;
  private readonly sorted: CodeEntry[];
  private readonly sortedCodes: string[];
  private readonly byCode = new Map<string, CodeEntry>();
  private readonly nodes = new Map<string, TabularNode>();
  private readonly ranges: readonly TabularRange[];
  private readonly mce = new Map<string, McePeriod[]>();
  private readonly drg = new Map<string, DrgDxRecord>();
  private readonly collections = new Map<number, ReadonlySet<string>>();
  private index?: { words: WordIndex; rankToEntry: CodeEntry[] };

  constructor(parts: CodeTableParts) {
    this.release = parts.release;
    this.sorted = [...parts.entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.sortedCodes = this.sorted.map((e) => e.code);
    for (const entry of this.sorted) this.byCode.set(entry.code, entry);
    for (const node of parts.tabular?.nodes ?? []) this.nodes.set(node.code, node);
    this.ranges = parts.tabular?.ranges ?? [];
    this.tabularYear = parts.tabular?.fiscalYear;
    if (parts.mce) {
      this.mceInfo = { version: parts.mce.version, terminationDate: parts.mce.terminationDate, ageRanges: parts.mce.ageRanges };
      for (const record of parts.mce.dx) this.mce.set(record.code, record.periods);
    }
    if (parts.drg) {
      this.drgVersion = parts.drg.version;
      for (const record of parts.drg.dx) this.drg.set(record.code, record);
      for (const c of parts.drg.pdxCollections) this.collections.set(c.id, new Set(c.codes));
    }
  }

  /** Number of codes (billable and header). */
  get size(): number {
    return this.sorted.length;
  }

  /** The entry for a code as written in a chart (E11.22, e1122), or undefined. */
  get(code: string): CodeEntry | undefined {
    return this.byCode.get(normalizeCode(code));
  }

  has(code: string): boolean {
    return this.byCode.has(normalizeCode(code));
  }

  /** All codes in code order (the table's own array: do not mutate). */
  all(): readonly CodeEntry[] {
    return this.sorted;
  }

  /** Codes starting with `prefix`, in code order, at most `limit`. */
  withPrefix(prefix: string, limit = 50): CodeEntry[] {
    const p = normalizeCode(prefix);
    const out: CodeEntry[] = [];
    for (let i = lowerBound(this.sortedCodes, p); i < this.sorted.length && out.length < limit; i++) {
      const entry = this.sorted[i];
      if (!entry?.code.startsWith(p)) break;
      out.push(entry);
    }
    return out;
  }

  /**
   * Codes whose titles or inclusion terms contain every word of `query` (the last words may be
   * the start of a word); common abbreviations (COPD, CHF) are spelled out. A query that looks
   * like a code is a prefix lookup instead.
   * Billable codes and shorter titles come first.
   */
  search(query: string, limit = 20): CodeEntry[] {
    const asCode = normalizeCode(query.trim());
    if (ICD10CM_PATTERN.test(asCode) || /^[0-9A-Z]{3,7}$/.test(asCode) && /\d/.test(asCode)) {
      const byPrefix = this.withPrefix(asCode, limit);
      if (byPrefix.length > 0) return byPrefix;
    }
    const index = (this.index ??= this.buildIndex());
    return index.words.search(expandAbbreviations(query), limit).map((rank) => index.rankToEntry[rank]).filter((e) => e !== undefined);
  }

  /** Builds the word index now instead of on the first search (e.g. while the worker is idle). */
  warmSearch(): void {
    this.index ??= this.buildIndex();
  }

  /** The nearest existing ancestor of a code (E11.22 -> E11.2), or undefined. */
  parent(code: string): CodeEntry | undefined {
    const c = normalizeCode(code);
    for (let n = c.length - 1; n >= 3; n--) {
      const entry = this.byCode.get(c.slice(0, n));
      if (entry) return entry;
    }
    return undefined;
  }

  /** The tabular-list node of exactly this code, if the tabular XML was imported. */
  tabularNode(code: string): TabularNode | undefined {
    return this.nodes.get(normalizeCode(code));
  }

  /**
   * The notes that govern a code, broadest first: chapter, section, category, subcategories,
   * the code itself. Notes are inherited from parent to child, so a check reads all of them.
   */
  notesFor(code: string): NoteLevel[] {
    const c = normalizeCode(code);
    const category = c.slice(0, 3);
    const levels: NoteLevel[] = this.ranges.filter((r) => category >= r.first && category <= r.last);
    for (let n = 3; n <= c.length; n++) {
      const node = this.nodes.get(c.slice(0, n));
      if (node) levels.push(node);
    }
    return levels;
  }

  /** MCE validity periods and attributes of a diagnosis code. */
  mcePeriods(code: string): readonly McePeriod[] | undefined {
    return this.mce.get(normalizeCode(code));
  }

  /** MS-DRG attributes (MDC, CC/MCC, PDX-exclusion collection) of a diagnosis code. */
  drgAttributes(code: string): DrgDxRecord | undefined {
    return this.drg.get(normalizeCode(code));
  }

  /** The codes of a PDX-exclusion collection. */
  pdxCollection(id: number): ReadonlySet<string> | undefined {
    return this.collections.get(id);
  }

  /** Explanations quote facts as JSON: a table is named, never dumped. */
  toJSON(): string {
    return `[${this.release.system} FY${this.release.fiscalYear} table, ${this.sorted.length} codes]`;
  }

  private buildIndex(): { words: WordIndex; rankToEntry: CodeEntry[] } {
    const rankToEntry = [...this.sorted].sort(
      (a, b) => Number(b.billable) - Number(a.billable) || a.short.length - b.short.length || (a.code < b.code ? -1 : 1),
    );
    const texts = rankToEntry.map((e) => {
      const t = [e.short];
      if (e.long) t.push(e.long);
      const terms = this.nodes.get(e.code)?.inclusionTerms;
      if (terms) t.push(...terms);
      return t;
    });
    return { words: new WordIndex(texts), rankToEntry };
  }
}
