/**
 * Documentation query drafts for unspecified codes, written to the AHIMA/ACDIS query practice
 * guidelines: the clinical indicators are quoted from the record, the question is open about
 * the answer, the options are the clinically reasonable ones plus "Other" and "Clinically
 * undetermined", and nothing is said about payment or grouping.
 */
import { normalizeCode } from '../code-format.ts';
import type { Passage } from './passages.ts';
import templatesJson from './query-templates.json';
import { wordsOf } from './tokens.ts';

export interface QueryTemplate {
  prefix: string;
  axis: string;
  condition: string;
  question: string;
  options: string[];
  indicators: string[];
  specificCodes: string[];
}

/** A term the classification gives no code ("urosepsis"): the chart gets a query, never a code. */
export interface TermQuery extends Omit<QueryTemplate, 'prefix' | 'specificCodes'> {
  id: string;
  /** The term as the finding names it. */
  label: string;
  /** How the chart writes it (lexicon phrases). */
  phrases: string[];
  /** Why no code is suggested, in words (stands where a code's title would). */
  noCode: string;
  /** Prefixes of codes whose documentation answers the question. */
  answeredBy: string[];
  /**
   * When set, a ruled-out `answeredBy` code answers only with a current or coded condition under
   * one of these prefixes ("urosepsis", "no sepsis" answers only once the UTI is documented).
   */
  ruledOutAnswersWith?: string[];
}

const FILE = templatesJson as unknown as { templates: QueryTemplate[]; terms: TermQuery[] };
const TEMPLATES = FILE.templates;
/** The terms with no code, each with its query. */
export const TERM_QUERIES: readonly TermQuery[] = FILE.terms;
/** Marks a lexicon entry (and a mention) as a term with no code rather than a code. */
export const TERM_PREFIX = 'term:';

/** The term query of a `term:<id>` mention code, if it is one. */
export function termQueryOf(code: string): TermQuery | undefined {
  return code.startsWith(TERM_PREFIX) ? TERM_QUERIES.find((t) => `${TERM_PREFIX}${t.id}` === code) : undefined;
}
const MAX_INDICATORS = 5;
/** The two options every query offers (AHIMA/ACDIS). */
export const ALWAYS_OFFERED = ['Other (please specify): ____', 'Clinically undetermined'];

/** The template for an unspecified code (longest matching prefix), if there is one. */
export function queryTemplateFor(code: string): QueryTemplate | undefined {
  const c = normalizeCode(code);
  let best: QueryTemplate | undefined;
  for (const t of TEMPLATES) {
    const p = normalizeCode(t.prefix);
    if (c.startsWith(p) && (!best || p.length > normalizeCode(best.prefix).length)) best = t;
  }
  return best;
}

/** True when a documented code answers the template's question. */
export function answers(template: QueryTemplate, code: string): boolean {
  return template.specificCodes.some((p) => normalizeCode(code).startsWith(normalizeCode(p)));
}

/** Sentences of the record holding one of the template's indicator words (at most five, deduplicated). */
export function clinicalIndicators(template: Pick<QueryTemplate, 'indicators'>, passages: readonly Passage[], also: readonly Passage[] = []): Passage[] {
  const terms = template.indicators.map((t) => ` ${wordsOf(t).join(' ')} `);
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const p of [...also, ...passages]) {
    if (out.length >= MAX_INDICATORS) break;
    if (seen.has(p.text)) continue;
    const words = ` ${wordsOf(p.text).join(' ')} `;
    if (also.includes(p) || terms.some((t) => words.includes(t))) {
      seen.add(p.text);
      out.push(p);
    }
  }
  return out;
}

/** The query text: indicators quoted with where they stand, the question, the options. */
export function queryDraft(template: Pick<QueryTemplate, 'axis' | 'condition' | 'question' | 'options'>, documented: string, indicators: readonly Passage[]): string {
  const lines = [
    `Documentation clarification: ${template.condition} (${template.axis})`,
    `The record documents "${documented}".`,
    'Clinical indicators in the record:',
    ...(indicators.length > 0 ? indicators.map((p) => `- "${p.source.text}" (${p.where})`) : ['- (none found beyond the diagnosis itself)']),
    `${template.question} Based on your clinical judgment, please document in the record:`,
    ...[...template.options, ...ALWAYS_OFFERED].map((o) => `[ ] ${o}`),
  ];
  return lines.join('\n');
}

