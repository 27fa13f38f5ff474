/**
 * What the suggester produces: one CodeSuggestion per code (all mentions merged), each with the
 * chart text it rests on. Plain JSON, so the engine can run rules on suggestions and quote them.
 */
import type { SourceRef } from '../../chart/snapshot.ts';
import type { SuggestedCode } from '../../engine/finding.ts';
import type { Stamp } from './timeline.ts';

/** How a mention is meant, after the NegEx/ConText-style context step. */
export type MentionContext = 'affirmed' | 'negated' | 'historical' | 'family' | 'uncertain' | 'hypothetical';

/** A diagnosis phrase found in the chart and the code it maps to. */
export interface Mention {
  /**
   * Normalized ICD-10-CM code (no dot), or `term:<id>` for a term the classification gives no
   * code and a query must clarify ("urosepsis", query-templates.json `terms`).
   */
  code: string;
  /** The words of the chart that matched. */
  phrase: string;
  /** The sentence the phrase stands in, quoted as evidence (section source, sentence text). */
  source: SourceRef;
  /** Where it was found: "History and Physical, Assessment and plan", "Problem list". */
  where: string;
  context: MentionContext;
  /** The trigger word(s) that set the context ("denies", "history of", "probable"). */
  trigger?: string;
  /** When it was stated (see timeline.ts). */
  at?: Stamp;
}

/**
 * - documented: a current diagnosis in the text that no code on the chart reports;
 * - history: a "history of" mention, as its personal-history code;
 * - combination: a code the classification presumes from two or more documented conditions;
 * - specificity: an unspecified code on the chart where the text documents more;
 * - query: an unspecified code the record cannot make more specific, or a term with no code
 *   ("urosepsis"): ask the provider;
 * - status: a status or long-term drug therapy code (Z79.-, Z99.-, Z95.-, Z66, ...) from the
 *   medication list, orders or past and social history (status-codes.json).
 */
export type SuggestionKind = 'documented' | 'history' | 'combination' | 'specificity' | 'query' | 'status';

/** One suggested (or questioned) code, as rules of scope `suggestion` see it. */
export interface CodeSuggestion {
  /** `<kind>:<code>`, stable for a chart: the finding's subject. */
  id: string;
  kind: SuggestionKind;
  /**
   * Dotted code (E11.22) and its title in the active table; for a query about a term with no
   * code, the term as quoted ("“urosepsis”") and why it has none (`codes` is then empty).
   */
  code: string;
  title: string;
  action: 'add' | 'replace' | 'review';
  /** Dotted codes on the chart this one stands in for (replace), or that it questions (query). */
  replaces: string[];
  /** The first mention's words and where it was found, for the message. */
  mention: string;
  where: string;
  /** Every mention's sentence (deduplicated), plus the chart codes it replaces. */
  evidence: SourceRef[];
  /** For combinations: the documented conditions it combines, in words. */
  combines?: string;
  /** For combinations: the normalized codes of the conditions it combines. */
  combinesCodes?: string[];
  /** Why: the conditions combined, the context rule applied (Section II.H / IV.H), ... */
  reason: string;
  /** CC/MCC of the code as a secondary diagnosis, or "" when not applicable. */
  severityText: string;
  /**
   * Set on the likely principal (inpatient, Section II) or first-listed (outpatient, Section IV)
   * diagnosis: which, and why (principal.ts). `sequenceText` is the same in words, or "".
   */
  sequence?: { role: 'principal' | 'first-listed'; reason: string };
  sequenceText: string;
  /** The query draft (kind `query`), the text a CDI specialist would send. */
  query?: string;
  /** What the finding offers to the coder (the SuggestedCode list). */
  codes: SuggestedCode[];
}
