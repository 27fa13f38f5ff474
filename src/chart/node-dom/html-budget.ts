import { Tokenizer } from 'htmlparser2';

/**
 * The read budget of a saved page, applied to its markup before happy-dom parses it. happy-dom's
 * parser is slow, or hangs, on shapes a hostile or merely huge page takes (issue 15, measured in
 * bench/results/node-dom.md): time quadratic in the `>` characters inside text and attribute
 * values, and in the options of one select; about 4 KB and 10 µs per node. htmlparser2's
 * tokenizer (linear, ~50 ms for 2 MB) pre-walks the markup and cuts it to this budget. A page
 * within the budget is handed on byte for byte, so every ordinary page reads as it did.
 */
export interface HtmlBudget {
  /** Elements and text runs kept; the markup is cut before the first one past it. */
  nodes: number;
  /** Characters kept of one attribute value. */
  attributeChars: number;
  /** Characters kept of one run of text. */
  textChars: number;
  /** Options kept of one select (and the chosen ones after them). */
  optionsPerSelect: number;
}

/**
 * Measured in bench/node-dom.bench.ts on this 2-core machine: happy-dom parses and the readers
 * read 40,000 nodes of a chart page in about 1.7 s and 350 MB, the goal being 2 s and 500 MB
 * (issue 15); 60,000 took 2.5–2.8 s. Every page of tests/corpus and ../shared/corpora is far
 * below (the largest about 2,600 nodes). A chart beyond it is read in part, and says so.
 */
export const HTML_FILE_BUDGET: HtmlBudget = { nodes: 40_000, attributeChars: 1_000_000, textChars: 1_000_000, optionsPerSelect: 500 };

/**
 * Past this many, `>` in text and attribute values is written `&gt;` (the same characters to an
 * HTML parser, and linear time for happy-dom's); fewer cost nothing and are left as they are.
 */
const STRAY_GT_REWRITE = 1_000;

export interface BudgetedHtml {
  /** The markup to parse: the input itself when nothing was cut. */
  html: string;
  /** True when anything of the page was left out. */
  truncated: boolean;
  /** What was left out, one warning each, for the snapshot. */
  warnings: string[];
}

interface Edit {
  start: number;
  end: number;
  /** Characters of [start, end) kept (the rest dropped); undefined = all. */
  keep?: number;
  /** Write `>` as `&gt;` (only applied when there are many). */
  escape: boolean;
}

const RAW_TEXT = new Set(['script', 'style']);
/** Tags that may stand between the options of a select without ending it. */
const IN_SELECT = new Set(['option', 'optgroup', 'hr']);

class Stop extends Error {}

/** Cuts `html` to `budget`, saying what was cut. Never throws. */
export function withinHtmlBudget(html: string, budget: HtmlBudget = HTML_FILE_BUDGET): BudgetedHtml {
  const edits: Edit[] = [];
  const skipped: { start: number; end: number }[] = [];
  let nodes = 0;
  let cutAt: number | undefined;
  let strayGt = 0;
  let longAttributes = 0;
  let longTexts = 0;
  let lastWasText = false;
  let tagName = '';
  let tagStart = 0;
  let rawText = false;
  let attrName = '';
  /** The open select: its name for the warning, options seen, and where dropped options began. */
  let select: { name: string; options: number; skipFrom?: number } | undefined;
  const cutSelects: { name: string; options: number }[] = [];

  const countNode = (start: number) => {
    if (++nodes > budget.nodes) {
      cutAt = start;
      throw new Stop();
    }
  };
  const endSkip = (at: number) => {
    if (select?.skipFrom !== undefined) {
      skipped.push({ start: select.skipFrom, end: at });
      select.skipFrom = undefined;
    }
  };
  const endSelect = (at: number) => {
    if (!select) return;
    endSkip(at);
    if (select.options > budget.optionsPerSelect) cutSelects.push({ name: select.name, options: select.options });
    select = undefined;
  };
  const valueSegment = (start: number, end: number, cap: number): boolean => {
    let gt = 0;
    for (let i = html.indexOf('>', start); i !== -1 && i < end; i = html.indexOf('>', i + 1)) gt++;
    const long = end - start > cap;
    if (gt === 0 && !long) return false;
    strayGt += gt;
    edits.push({ start, end, escape: gt > 0, ...(long ? { keep: safeCut(html, start, cap) } : {}) });
    return long;
  };
  const slice = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const inSkippedOption = () => select?.skipFrom !== undefined;

  const tokenizer = new Tokenizer({ decodeEntities: false }, {
    onopentagname(start, end) {
      lastWasText = false;
      tagStart = start - 1;
      tagName = slice(start, end);
      if (select && !IN_SELECT.has(tagName)) endSelect(tagStart);
      if (tagName === 'select') select = { name: '', options: 0 };
      if (select && tagName === 'option') {
        select.options++;
        if (select.options > budget.optionsPerSelect) {
          select.skipFrom ??= tagStart;
          return;
        }
      } else {
        endSkip(tagStart);
      }
      countNode(tagStart);
    },
    onattribname(start, end) {
      attrName = slice(start, end);
      // A chosen option past the cut is kept: the form field's value is read from it.
      if (attrName === 'selected' && tagName === 'option' && select?.skipFrom !== undefined) {
        endSkip(tagStart);
        countNode(tagStart);
      }
    },
    onattribdata(start, end) {
      if (inSkippedOption()) return;
      if (select && tagName === 'select' && !select.name && (attrName === 'name' || attrName === 'id')) select.name = html.slice(start, Math.min(end, start + 60));
      if (valueSegment(start, end, budget.attributeChars)) longAttributes++;
    },
    onattribend() {},
    onattribentity() {},
    onopentagend() {
      rawText = RAW_TEXT.has(tagName);
    },
    onselfclosingtag() {
      rawText = false;
    },
    onclosetag(start, end) {
      lastWasText = false;
      tagName = slice(start, end);
      tagStart = start - 2;
      rawText = false;
      if (select && (tagName === 'select' || !IN_SELECT.has(tagName))) endSelect(tagStart);
    },
    ontext(start, end) {
      if (rawText || inSkippedOption()) return;
      if (!lastWasText && /\S/.test(html.slice(start, Math.min(end, start + 64)))) countNode(start);
      lastWasText = true;
      if (valueSegment(start, end, budget.textChars)) longTexts++;
    },
    ontextentity() {
      lastWasText = true;
    },
    oncomment() {
      lastWasText = false;
    },
    oncdata() {
      lastWasText = false;
    },
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  });
  try {
    tokenizer.write(html);
    tokenizer.end();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  endSelect(cutAt ?? html.length);
  if (cutAt === undefined && strayGt < STRAY_GT_REWRITE && skipped.length === 0 && longAttributes === 0 && longTexts === 0) {
    return { html, truncated: false, warnings: [] };
  }
  const warnings: string[] = [];
  if (cutAt !== undefined) {
    const rest = html.length - cutAt;
    warnings.push(`This page is very large: only its first ${budget.nodes.toLocaleString('en-US')} nodes were read (the last ${megabytes(rest)} of the file was left unread).`);
  }
  for (const cut of cutSelects) {
    const name = cut.name ? ` ("${cut.name}")` : '';
    warnings.push(`A list of ${cut.options.toLocaleString('en-US')} choices${name} was cut to its first ${budget.optionsPerSelect.toLocaleString('en-US')} (and the chosen ones): only part of the page was read.`);
  }
  if (longAttributes > 0) warnings.push(`${plural(longAttributes, 'attribute value')} longer than ${budget.attributeChars.toLocaleString('en-US')} characters cut to that length: only part of the page was read.`);
  if (longTexts > 0) warnings.push(`${plural(longTexts, 'run')} of text longer than ${budget.textChars.toLocaleString('en-US')} characters cut to that length: only part of the page was read.`);
  return { html: assemble(html, edits, skipped, cutAt ?? html.length, strayGt >= STRAY_GT_REWRITE), truncated: warnings.length > 0, warnings };
}

/** The markup with the edits made, the skipped ranges dropped and everything from `end` on left out. */
function assemble(html: string, edits: Edit[], skipped: { start: number; end: number }[], end: number, escape: boolean): string {
  const drops = [
    ...skipped.map((s) => ({ ...s, text: '' })),
    ...edits.filter((e) => e.keep !== undefined || escape).map((e) => {
      const kept = e.keep === undefined ? html.slice(e.start, e.end) : html.slice(e.start, e.start + e.keep);
      return { start: e.start, end: e.end, text: escape && e.escape ? kept.replaceAll('>', '&gt;') : kept };
    }),
  ].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const drop of drops) {
    if (drop.start >= end) break;
    // An edit inside a skipped range is already gone.
    if (drop.start < at) continue;
    parts.push(html.slice(at, drop.start), drop.text);
    at = Math.min(drop.end, end);
  }
  parts.push(html.slice(at, end));
  return parts.join('');
}

/** Where to cut `cap` characters after `start` without splitting an entity or a surrogate pair. */
function safeCut(html: string, start: number, cap: number): number {
  let keep = cap;
  const amp = html.lastIndexOf('&', start + keep);
  if (amp > start + keep - 12 && html.indexOf(';', amp) >= start + keep) keep = amp - start;
  const code = html.charCodeAt(start + keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep--;
  return keep;
}

function megabytes(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}

function plural(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}
