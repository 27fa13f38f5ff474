import { readFileSync, readdirSync } from 'node:fs';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { loadHtml } from './load-page.ts';
import { pick, prng, snapshotProblems } from './snapshot-checks.ts';

/**
 * The reading corpus (tests/corpus/pages) broken in the ways real and hostile pages break:
 * shared by tests/unit/chart/corpus-fuzz.test.ts (a few hundred cases in `npm test`) and
 * scripts/fuzz.ts (`npm run fuzz`, ten thousand and more). A case is a pure function of its
 * seed, so a failure reproduces from the seed alone.
 */

type Rand = () => number;

export interface CorpusPage {
  name: string;
  html: string;
}

const PAGES_DIR = new URL('../../corpus/pages/', import.meta.url);

export function corpusPages(): CorpusPage[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => ({ name, html: readFileSync(new URL(name, PAGES_DIR), 'utf8') }));
}

const int = (rand: Rand, max: number) => Math.floor(rand() * max);

/** Positions of every match of `re` in `html` (start of the match, or of its first group's end with `end`). */
function positions(html: string, re: RegExp, end = false): number[] {
  const out: number[] = [];
  for (const m of html.matchAll(re)) out.push(end ? m.index + m[0].length : m.index);
  return out;
}

/** Where a tag starts: splitting there leaves the tags on either side whole. */
function tagStart(rand: Rand, html: string): number {
  const starts = positions(html, /<[a-zA-Z/]/g);
  return starts.length > 0 ? pick(rand, starts) : int(rand, html.length + 1);
}

/** Just after an opening tag's `>`, where text would go. */
function afterOpenTag(rand: Rand, html: string): number {
  const ends = positions(html, /<(?:p|div|td|span|li|pre|section|article|dd|h\d)\b[^>]*>/gi, true);
  return ends.length > 0 ? pick(rand, ends) : int(rand, html.length + 1);
}

const insert = (html: string, at: number, text: string) => html.slice(0, at) + text + html.slice(at);

// RTL marks and letters, zero-width characters, combining marks, and a BOM: what copy-paste
// from other systems and hostile input put into names and labels.
const ODD_CHARACTERS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202b', '\u202e', '\u2066', '\u2069',
  '\u0301', '\u0308', '\u0336', '\u034f', '\u05d0', '\u05e9', '\u0627', '\u0644', '\u00ad', 'e\u0301\u0301\u0301'];

const INVALID_DATES = ['02/30/2026', '13/45/2026', '00/00/0000', '99/99/9999 99:99', '25:61', '02/30/2026 25:61', '2026-02-30T25:61',
  '2026-13-01', '31-Feb-2026 2561', '30-Foo-2026', '1/1/0', '12/31/275760', '9999999999', '02/29/2025', '24:00', '-1/-1/-1'];
const DATE_LIKE = /\b\d{1,4}[/.-](?:\d{1,2}|[A-Z][a-z]{2})[/.-]\d{2,4}(?:[ T]\d{1,2}:?\d{2})?\b|\b\d{1,2}:\d{2}\b/g;

/** Ranges of text someone wrote (label words before a colon, capitalised names), for odd characters. */
const NAME_OR_LABEL = /\b[A-Z][A-Za-z'-]+(?=(?:, [A-Z]|:| [A-Z][a-z]+\b))|\b[A-Z][A-Za-z #]*(?=:)/g;

const NEST_TAGS = ['div', 'span', 'section', 'li', 'b', 'font', 'article', 'blockquote'];

/** One way of breaking a page. `apply` must be pure in (html, rand, pages). */
export interface Mutation {
  name: string;
  apply(html: string, rand: Rand, pages: readonly CorpusPage[]): string;
}

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'cut-range',
    apply: (html, rand) => {
      const at = int(rand, html.length);
      return html.slice(0, at) + html.slice(at + 1 + int(rand, 3000));
    },
  },
  {
    name: 'duplicate-range',
    apply: (html, rand) => {
      const at = int(rand, html.length);
      const copy = html.slice(at, at + 1 + int(rand, 4000));
      return insert(html, at, copy.repeat(1 + int(rand, 3)));
    },
  },
  {
    name: 'splice-other-page',
    apply: (html, rand, pages) => {
      const other = pick(rand, pages).html;
      const from = int(rand, other.length);
      return insert(html, int(rand, html.length + 1), other.slice(from, from + 1 + int(rand, 5000)));
    },
  },
  {
    name: 'truncate',
    apply: (html, rand) => html.slice(0, int(rand, html.length)),
  },
  {
    name: 'drop-closing-tags',
    apply: (html, rand) => {
      const share = 0.1 + rand() * 0.9;
      return html.replace(/<\/[a-zA-Z][^>]*>/g, (tag) => (rand() < share ? '' : tag));
    },
  },
  {
    name: 'nest-2000-deep',
    apply: (html, rand) => {
      const tag = pick(rand, NEST_TAGS);
      const at = tagStart(rand, html);
      const end = Math.min(html.length, at + int(rand, 6000));
      const inner = html.slice(at, end);
      return html.slice(0, at) + `<${tag}>`.repeat(2000) + inner + `</${tag}>`.repeat(rand() < 0.8 ? 2000 : int(rand, 2000)) + html.slice(end);
    },
  },
  {
    name: 'odd-characters-in-names-and-labels',
    apply: (html, rand) => {
      const all = [...html.matchAll(NAME_OR_LABEL)];
      const inText = outsideTags(html, all.map((m) => m.index));
      const words = all.filter((_, i) => inText[i]);
      if (words.length === 0) return html;
      const share = 0.2 + rand() * 0.8;
      let out = '';
      let last = 0;
      for (const m of words) {
        if (rand() > share) continue;
        const at = m.index + int(rand, m[0].length + 1);
        const chars = Array.from({ length: 1 + int(rand, 3) }, () => pick(rand, ODD_CHARACTERS)).join('');
        out += html.slice(last, at) + chars;
        last = at;
      }
      return out + html.slice(last);
    },
  },
  {
    name: 'invalid-dates',
    apply: (html, rand) => html.replace(DATE_LIKE, (date) => (rand() < 0.7 ? pick(rand, INVALID_DATES) : date)),
  },
  {
    name: 'huge-attribute',
    apply: (html, rand) => {
      const opens = positions(html, /<[a-zA-Z][a-zA-Z0-9-]*/g, true);
      if (opens.length === 0) return html;
      const name = pick(rand, ['title', 'data-payload', 'class', 'id', 'aria-label', 'value', 'style']);
      // A few `>` only: a long run of them makes happy-dom's parser quadratic (issue 15), which
      // is the parser's problem, measured in bench/reading.bench.ts, not the reader's.
      const unit = pick(rand, ['x', 'Signed by A B, MD ', 'MRN: 1 ', 'a b ', '&amp;', '\u200b', 'é']);
      const value = unit.repeat(Math.ceil((100_000 + int(rand, 900_000)) / unit.length)) + (rand() < 0.3 ? '>'.repeat(500) : '');
      return insert(html, pick(rand, opens), ` ${name}="${value}"`);
    },
  },
  {
    name: 'text-node-2mb',
    apply: (html, rand) => {
      const sentence = pick(rand, ['Patient resting comfortably. ', 'Signed by Jane Roe, MD on 04/08/2026 15:42. ', 'lorem ipsum dolor ', 'MRN: 000123 ', 'x']);
      return insert(html, afterOpenTag(rand, html), sentence.repeat(Math.ceil(2_000_000 / sentence.length)));
    },
  },
  {
    name: 'duplicate-ids',
    apply: (html, rand) => {
      const ids = [...html.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]!);
      if (ids.length === 0) return html;
      const shared = Array.from({ length: 1 + int(rand, 3) }, () => pick(rand, ids));
      // Every id becomes one of a few, and elements without one get one too.
      const renamed = html.replace(/\bid="[^"]*"/g, () => `id="${pick(rand, shared)}"`);
      return renamed.replace(/<(div|td|tr|p|span|section|article)(?=[\s>])/g, (open) => (rand() < 0.3 ? `${open} id="${pick(rand, shared)}"` : open));
    },
  },
  {
    name: 'tables-in-tables',
    apply: (html, rand) => {
      const tables = [...html.matchAll(/<table\b[\s\S]*?<\/table>/gi)].map((m) => m[0]);
      const table = tables.length > 0 ? pick(rand, tables) : '<table><tr><th>Order</th><th>Status</th></tr><tr><td>CBC</td><td>Signed</td></tr></table>';
      let out = html;
      for (let depth = 0, n = 1 + int(rand, 4); depth < n; depth++) {
        const cells = positions(out, /<t[dh]\b[^>]*>/gi, true);
        if (cells.length === 0) return insert(out, tagStart(rand, out), table);
        out = insert(out, pick(rand, cells), table);
      }
      return out;
    },
  },
  {
    name: 'declarative-shadow-fragments',
    apply: (html, rand) => {
      let out = html;
      for (let i = 0, n = 1 + int(rand, 4); i < n; i++) {
        const at = tagStart(rand, out);
        const end = Math.min(out.length, at + int(rand, 5000));
        const mode = pick(rand, ['open', 'open', 'closed', 'bogus', '']);
        const close = rand() < 0.8 ? '</template></div>' : '';
        out = out.slice(0, at) + `<div class="host"><template shadowrootmode="${mode}">` + out.slice(at, end) + close + out.slice(end);
      }
      return out;
    },
  },
  {
    name: 'unbalanced-pre',
    apply: (html, rand) => {
      if (rand() < 0.5 && html.includes('</pre>')) return html.replace(/<\/pre>/g, () => (rand() < 0.7 ? '' : '</pre>'));
      let out = html;
      for (let i = 0, n = 1 + int(rand, 3); i < n; i++) out = insert(out, tagStart(rand, out), rand() < 0.5 ? '<pre>' : '<pre>\nLOCAL TITLE: PROGRESS NOTE\nAUTHOR: ');
      return out;
    },
  },
];

/**
 * For each of `ascending` positions, whether it lies in text rather than between a `<` and its
 * `>` (inserting there would touch markup). One pass: a 2 MB page has tens of thousands of words.
 */
function outsideTags(html: string, ascending: readonly number[]): boolean[] {
  let inTag = false;
  let pos = 0;
  return ascending.map((at) => {
    for (; pos < at; pos++) {
      const c = html.charCodeAt(pos);
      if (c === 60) inTag = true;
      else if (c === 62) inTag = false;
    }
    return !inTag;
  });
}

export interface FuzzCase {
  seed: number;
  page: string;
  mutations: string[];
  html: string;
}

/**
 * The case for `seed`: a corpus page and one to four mutations, all drawn from the seed. Pass
 * `page` and `mutation` to pin them (the systematic cases: every mutation on every page).
 */
export function fuzzCase(seed: number, pages: readonly CorpusPage[], pin: { page?: string; mutation?: string } = {}): FuzzCase {
  const rand = prng(seed);
  const page = pages.find((p) => p.name === pin.page) ?? pick(rand, pages);
  const chosen = pin.mutation ? MUTATIONS.filter((m) => m.name === pin.mutation) : Array.from({ length: 1 + int(rand, 4) }, () => pick(rand, MUTATIONS));
  if (chosen.length === 0) throw new Error(`No mutation named ${pin.mutation}`);
  let html = page.html;
  for (const m of chosen) html = m.apply(html, rand, pages);
  return { seed, page: page.name, mutations: chosen.map((m) => m.name), html };
}

export function describeCase(c: FuzzCase): string {
  return `seed ${c.seed}: ${c.page} + ${c.mutations.join(' + ')} (${c.html.length.toLocaleString('en-US')} characters)`;
}

const URL_OF_CASE = 'http://ehr.example.test/chart';
const NOW = '2026-11-24T12:00:00Z';

/**
 * Parses a case the way the tests load pages and reads it with the full adapter chain (`onParsed`
 * between the two, so a hang can be placed). Throws only if extractFromDom itself throws (which
 * it must never do).
 */
export function readCase(html: string, onParsed?: () => void): ChartSnapshot {
  const document = loadHtml(html, URL_OF_CASE);
  onParsed?.();
  try {
    return extractFromDom({ document, url: URL_OF_CASE, now: NOW });
  } finally {
    closeWindow(document);
  }
}

/**
 * Each happy-dom window holds its whole tree: closing it keeps ten thousand cases in memory.
 * happy-dom's close recurses down the tree and overflows the stack on a very deep one (seen at
 * 10,000 levels); that tree is then left to the garbage collector, and the case is not failed
 * for what is happy-dom's clean-up, not the reader.
 */
function closeWindow(document: Document): void {
  try {
    (document.defaultView as unknown as { happyDOM?: { close(): Promise<void> } } | null)?.happyDOM?.close().catch(() => undefined);
  } catch {
    // As above.
  }
}

/** What is wrong with reading the case: its snapshot's problems, or the exception it threw. */
export function caseProblems(c: FuzzCase, onParsed?: () => void): string[] {
  let snapshot: ChartSnapshot;
  try {
    snapshot = readCase(c.html, onParsed);
  } catch (error) {
    return [`extractFromDom threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  return snapshotProblems(snapshot);
}
