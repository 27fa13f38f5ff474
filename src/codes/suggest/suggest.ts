/**
 * Suggested ICD-10-CM codes from the words of a chart, with evidence: mentions in the diagnosis
 * passages (context-checked, then reconciled over time: the latest statement, discharge
 * diagnoses first, decides), the combination codes the classification presumes, the underlying
 * infection of severe sepsis, more specific codes for unspecified ones on the chart (or a query
 * draft where the record says no more), queries for terms with no code ("urosepsis"),
 * personal-history codes, and the CC/MCC of each suggested secondary diagnosis. An unspecified
 * diagnosis takes the one more specific code the notes document; an injury's initial-encounter
 * code outside a stay or an emergency visit is offered for review, not added.
 * One suggestion per code; codes already on the chart are never suggested.
 */
import { sourceRefKey, uniqueRefs } from '../../chart/source-ref-key.ts';
import type { ChartSnapshot, SourceRef } from '../../chart/snapshot.ts';
import { dotted, normalizeCode } from '../code-format.ts';
import { refMatches, refText } from '../code-refs.ts';
import type { CodeTable } from '../table.ts';
import { applyCombinations, combinationParts, COMBINATIONS, type AppliedCombination } from './combinations.ts';
import { codesOnChart, type ChartCodes } from './codes-on-chart.ts';
import { lexiconFor } from './lexicon.ts';
import { findMentions, mentionsIn } from './mentions.ts';
import { allPassages, findingPassages, type Passage } from './passages.ts';
import { answers, clinicalIndicators, queryDraft, queryTemplateFor, TERM_PREFIX, termQueryOf, type TermQuery } from './query-draft.ts';
import { reconcile, settleSuspicions, type Reconciled } from './reconcile.ts';
import { isSystemicInfection, sepsisNote, settleSepsis } from './sepsis.ts';
import { severityOf } from './severity.ts';
import type { CodeSuggestion, Mention, MentionContext, SuggestionKind } from './types.ts';
import { categoryOf, isUnspecified, refines } from './unspecified.ts';
import { dropDefaultedTypes, settleDiabetesType } from './defaults.ts';
import { bmiFinding } from './bmi.ts';
import { historyMentions, isEpisodic, settleDominance, type HistoryMention } from './history.ts';
import { markPrincipal } from './principal.ts';
import { isEmergencyVisit, isInpatient, resolvedInStay } from './setting.ts';
import { statusCodes } from './status.ts';
import { settlePatientSex } from './patient-sex.ts';
import { dropDescriptions } from './same-sentence.ts';
import { statusPassages } from './status-passages.ts';
import { integralSymptoms, outpatientSymptoms } from './symptoms.ts';

const SYSTEM = 'ICD-10-CM';

/** Everything the suggester works from, gathered once per chart. */
interface Ground {
  snapshot: ChartSnapshot;
  table: CodeTable;
  chart: ChartCodes;
  inpatient: boolean;
  /** Every code's and term's status as finally documented (reconcile.ts). */
  states: Map<string, Reconciled>;
  /**
   * Current codes (finally affirmed, or uncertain for inpatients) with the mentions that settle
   * them, in the order the chart first mentions them.
   */
  current: Map<string, Mention[]>;
  /** Why a code not documented in words is suggested (the underlying infection of severe sepsis). */
  implied: Map<string, string>;
  /**
   * Conditions a combination needs, affirmed outside the diagnosis statements (history of present
   * illness, past history, course), with their mentions: they complete a combination, no more.
   */
  supporting: Map<string, Mention[]>;
  passages?: Passage[];
  /** Sentence (sourceRefKey) → the current codes stated in it, built on first use. */
  bySentence?: Map<string, Set<string>>;
}

function groupByCode(mentions: readonly Mention[]): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  for (const m of mentions) out.set(m.code, [...(out.get(m.code) ?? []), m]);
  return out;
}

const STATUS_WORDS: Partial<Record<MentionContext, string>> = { affirmed: 'as established', uncertain: 'as uncertain', negated: 'as absent or ruled out' };

/** How the status was settled: an earlier statement overruled, an uncertain diagnosis kept for an inpatient. */
function statusNote(state: Reconciled | undefined, inpatient: boolean): string {
  if (!state) return '';
  const latest = state.evidence[0];
  const last = state.evidence.at(-1);
  let note = '';
  if (state.overruled && latest) {
    const o = state.overruled;
    const final = latest.at?.tier === 2 ? ' (diagnoses at discharge decide over the notes)' : '';
    const undated = latest.at && !latest.at.dated && latest.at.tier === 1 ? ' (an undated note is taken in chart order)' : '';
    note += ` Earlier documented ${STATUS_WORDS[o.context] ?? o.context} (“${o.trigger ?? o.phrase}”, ${o.where}); documented ${STATUS_WORDS[latest.context] ?? latest.context} later, in ${latest.where}${final}${undated}, which decides.`;
  }
  if (state.status === 'uncertain' && inpatient) {
    note += ` Still documented as uncertain (“${last?.trigger ?? 'uncertain'}”, ${last?.where ?? 'the chart'}): coded as if it existed because this is an inpatient stay (Section II.H, III.C).`;
  }
  return note;
}

/** The other current codes stated in the same sentence as one of `mentions`. */
function sameSentence(g: Ground, code: string, mentions: readonly Mention[]): string[] {
  if (!g.bySentence) {
    // Built once per chart: sentence → the current codes stated in it.
    g.bySentence = new Map();
    for (const [c, ms] of g.current) for (const m of ms) {
      const key = sourceRefKey(m.source);
      g.bySentence.set(key, (g.bySentence.get(key) ?? new Set()).add(c));
    }
  }
  const out = new Set<string>();
  for (const m of mentions) for (const c of g.bySentence.get(sourceRefKey(m.source)) ?? []) if (c !== code) out.add(c);
  return [...g.current.keys()].filter((c) => out.has(c));
}

function make(g: Ground, kind: SuggestionKind, code: string, mentions: readonly Mention[], replaces: readonly string[], reason: string, extraEvidence: readonly SourceRef[] = []): CodeSuggestion {
  const entry = g.table.get(code);
  const replacesPrincipal = g.chart.principal !== undefined && replaces.includes(g.chart.principal);
  const severity = kind === 'query' ? { text: '' } : replacesPrincipal ? { text: `Replaces the principal diagnosis ${dotted(g.chart.principal ?? '')}.` } : severityOf(g.table, code, g.chart.principal);
  const action = kind === 'query' ? 'review' : replaces.length > 0 ? 'replace' : 'add';
  const title = entry?.long ?? entry?.short ?? '';
  return {
    id: `${kind}:${dotted(code)}`,
    kind,
    code: dotted(code),
    title,
    action,
    replaces: replaces.map(dotted),
    mention: mentions[0]?.phrase ?? '',
    where: mentions[0]?.where ?? '',
    evidence: uniqueRefs([...mentions.map((m) => m.source), ...extraEvidence]),
    reason,
    severityText: severity.text,
    sequenceText: '',
    codes: [
      {
        system: SYSTEM,
        code: dotted(code),
        display: title,
        action,
        ...('level' in severity && severity.level ? { severityLevel: severity.level } : {}),
        ...('excludedBy' in severity && severity.excludedBy ? { excludedByPrincipal: severity.excludedBy } : {}),
      },
      ...replaces.map((r) => ({ system: SYSTEM, code: dotted(r), display: g.table.get(r)?.short ?? '', action: 'remove' as const })),
    ],
  };
}

/** "Code first" notes of the principal diagnosis that name this code: it goes before the principal. */
function sequencingNote(g: Ground, code: string): string {
  const principal = g.chart.principal;
  if (!principal) return '';
  for (const level of g.table.notesFor(principal)) {
    for (const note of level.codeFirst ?? []) {
      const ref = note.refs.find((r) => refMatches(r, code));
      if (ref) return ` The notes of ${dotted(principal)} say "code first" ${refText(ref)} (${note.text}): ${dotted(code)} is sequenced before ${dotted(principal)}.`;
    }
  }
  return '';
}

function combinationSuggestion(g: Ground, applied: AppliedCombination): CodeSuggestion {
  const { combination } = applied;
  const mentions = applied.matched.flatMap((c) => (g.current.get(c) ?? g.supporting.get(c) ?? []).slice(0, 1));
  const onChart = applied.replaced.filter((c) => g.chart.codes.has(c));
  const required = applied.required.map((c) => `${dotted(c)} (${g.chart.codes.has(c) ? 'on the chart' : 'documented, not yet coded'})`);
  const reason =
    `The chart documents ${combination.conditions} (${applied.matched.map(dotted).join(', ')}); ICD-10-CM presumes the link ("with", ${combination.guideline}) unless the provider documents them as unrelated.` +
    (required.length > 0 ? ` Report also ${required.join(', ')}.` : '') +
    sequencingNote(g, applied.code);
  const chartRefs = onChart.flatMap((c) => g.chart.codes.get(c) ?? []);
  return { ...make(g, 'combination', applied.code, mentions, onChart, reason, chartRefs), combines: combination.conditions, combinesCodes: applied.matched };
}

function queryFor(g: Ground, code: string, mentions: readonly Mention[]): string | undefined {
  const template = queryTemplateFor(code);
  if (!template || [...g.current.keys()].some((c) => answers(template, c))) return undefined;
  g.passages ??= allPassages(g.snapshot);
  const own = g.passages.filter((p) => mentions.some((m) => m.source.text === p.source.text));
  const documented = mentions[0]?.phrase ?? g.table.get(code)?.short ?? dotted(code);
  const indicators = clinicalIndicators(template, g.passages, own);
  // A query rests on clinical indicators beyond the diagnosis itself; without any, none is drafted.
  if (indicators.length === own.length) return undefined;
  return queryDraft(template, documented, indicators);
}

/** An injury code of the initial encounter (S..-...A) on a chart that is neither a stay nor an emergency visit. */
function initialInjuryOutsideActiveCare(g: Ground, code: string): boolean {
  return /^S.{5}A$/.test(code) && !g.inpatient && !isEmergencyVisit(g.snapshot);
}

/** True when a code under one of `prefixes` is current or on the chart. */
function currentOrCoded(g: Ground, prefixes: readonly string[]): boolean {
  const ps = prefixes.map(normalizeCode);
  return [...g.chart.codes.keys(), ...g.current.keys()].some((c) => ps.some((p) => c.startsWith(p)));
}

/**
 * True when the chart answers a term's query: a code under `answeredBy` current or on the chart,
 * or ruled out (only beside a current `ruledOutAnswersWith` condition, when the term has one).
 */
function answered(g: Ground, term: TermQuery): boolean {
  if (currentOrCoded(g, term.answeredBy)) return true;
  if (term.ruledOutAnswersWith && !currentOrCoded(g, term.ruledOutAnswersWith)) return false;
  const ps = term.answeredBy.map(normalizeCode);
  return [...g.states].some(([c, state]) => state.status === 'negated' && ps.some((p) => c.startsWith(p)));
}

/** The query for a term with no code ("urosepsis"): its draft, no code to add. */
function termQuery(g: Ground, term: TermQuery, mentions: readonly Mention[]): CodeSuggestion {
  g.passages ??= allPassages(g.snapshot);
  const own = g.passages.filter((p) => mentions.some((m) => m.source.text === p.source.text));
  const documented = mentions[0]?.phrase ?? term.label;
  return {
    id: `query:${term.id}`,
    kind: 'query',
    code: `“${documented}”`,
    title: term.noCode,
    action: 'review',
    replaces: [],
    mention: documented,
    where: mentions[0]?.where ?? '',
    evidence: uniqueRefs(mentions.map((m) => m.source)),
    reason: `The record documents “${documented}” (${mentions[0]?.where ?? 'the chart'}) ${term.noCode}: no code is suggested until the provider answers the query.${statusNote(g.states.get(`${TERM_PREFIX}${term.id}`), g.inpatient)}`,
    severityText: '',
    sequenceText: '',
    query: queryDraft(term, documented, clinicalIndicators(term, g.passages, own)),
    codes: [],
  };
}

const PARTS = combinationParts();

/**
 * The affirmed mentions, outside the diagnosis passages, of conditions some combination needs and
 * that are not current. Read only when a combination has some of its conditions current and not
 * all (hypertension documented, heart failure perhaps elsewhere).
 */
function supportingConditions(findings: () => Mention[], current: ReadonlyMap<string, Mention[]>, chartCodes: readonly string[]): Map<string, Mention[]> {
  const codes = [...current.keys(), ...chartCodes];
  const has = (group: readonly string[]) => codes.some((c) => group.some((p) => c.startsWith(normalizeCode(p))));
  const partial = COMBINATIONS.some((c) => c.when.some(has) && !c.when.every(has));
  if (!partial) return new Map();
  const found = findings().filter((m) => m.context === 'affirmed' && !current.has(m.code) && PARTS.some((p) => m.code.startsWith(p)));
  return groupByCode(found);
}

/**
 * An unspecified diagnosis the notes document more exactly ("left breast IDC" in the
 * assessment, "IDC of the left breast, upper outer quadrant" in the history of present
 * illness): the more specific code of the same category, when the notes give exactly one
 * (Section I.B.2, I.B.18: code to the highest specificity documented). Replaced in place.
 */
function specifyFromNotes(current: Map<string, Mention[]>, findings: () => Mention[], table: CodeTable): void {
  const vague = [...current.keys()].filter((c) => isUnspecified(table, c));
  if (vague.length === 0) return;
  const affirmed = findings().filter((m) => m.context === 'affirmed' && table.get(m.code)?.billable === true);
  for (const code of vague) {
    const better = [...new Set(affirmed.filter((m) => categoryOf(m.code) === categoryOf(code) && refines(table, m.code, code)).map((m) => m.code))];
    if (better.length !== 1 || current.has(better[0]!)) continue;
    const found = better[0]!;
    current.set(found, [...current.get(code)!, ...affirmed.filter((m) => m.code === found)]);
    current.delete(code);
  }
}

/**
 * The supporting conditions with the diabetes type of the diagnoses: "diabetic retinopathy" in
 * the history beside documented type 1 diabetes is type 1's (Section I.C.4.a.2), as in the
 * diagnosis passages (settleDiabetesType).
 */
function settledSupport(supporting: Map<string, Mention[]>, current: ReadonlyMap<string, Mention[]>, table: CodeTable): Map<string, Mention[]> {
  if (supporting.size === 0) return supporting;
  const merged = new Map([...current, ...supporting]);
  settleDiabetesType(merged, (c) => table.get(c)?.billable === true);
  return new Map([...merged].filter(([c]) => !current.has(c)));
}

/** All suggestions for a chart, in a stable order (combinations, specificity, documented, status, history, queries). */
export function suggestCodes(snapshot: ChartSnapshot, table: CodeTable): CodeSuggestion[] {
  const lexicon = lexiconFor(table);
  const inpatient = isInpatient(snapshot);
  const mentions = resolvedInStay(findMentions(snapshot, lexicon), inpatient);
  const states = reconcile(mentions);
  // Only a chart with a suspicion pays for reading its other sections.
  // The mentions of the notes' other sections, read once and only when a step needs them.
  let findingMentions: Mention[] | undefined;
  const findings = () => (findingMentions ??= findingPassages(snapshot).flatMap((p) => mentionsIn(p, lexicon)));
  if ([...states.values()].some((s) => s.status === 'uncertain')) settleSuspicions(states, findings().filter((m) => m.context === 'negated'));
  const current = new Map<string, Mention[]>();
  for (const [code, state] of states) if (state.status === 'affirmed' || (state.status === 'uncertain' && inpatient)) current.set(code, state.evidence);
  const terms = [...current].filter(([code]) => code.startsWith(TERM_PREFIX));
  terms.forEach(([code]) => current.delete(code));
  const chart = codesOnChart(snapshot);
  const chartCodes = [...chart.codes.keys()].filter((c) => table.get(c));
  dropDefaultedTypes(current);
  dropDescriptions(current);
  settleDiabetesType(current, (c) => table.get(c)?.billable === true);
  settlePatientSex(current, snapshot, (c) => table.get(c)?.billable === true);
  const passages = statusPassages(snapshot);
  settleDominance(current, passages.text);
  integralSymptoms(current, inpatient);
  if (!inpatient) outpatientSymptoms(snapshot, lexicon, states, current);
  specifyFromNotes(current, findings, table);
  const implied = settleSepsis(current, chartCodes, (c) => table.get(c)?.billable === true, mentions);
  const g: Ground = { snapshot, table, chart, inpatient, states, current, implied, supporting: settledSupport(supportingConditions(findings, current, chartCodes), current, table) };
  const known = [...current.keys(), ...chartCodes];
  const documented = [...current.keys()].filter((c) => !known.some((o) => refines(table, o, c)));
  const out: CodeSuggestion[] = [];
  const handled = new Set<string>(chartCodes);

  for (const applied of applyCombinations([...new Set([...documented, ...chartCodes])], COMBINATIONS, [...g.supporting.keys()])) {
    out.push(combinationSuggestion(g, applied));
    [applied.code, ...applied.replaced].forEach((c) => handled.add(c));
  }
  for (const vague of chartCodes.filter((c) => isUnspecified(table, c) || chartCodes.some((o) => refines(table, o, c)))) {
    if (out.some((s) => s.replaces.includes(dotted(vague)))) continue;
    const better = documented.find((c) => refines(table, c, vague)) ?? chartCodes.find((c) => refines(table, c, vague));
    if (better) {
      const both = chart.codes.has(better);
      const reason = both
        ? `The chart reports both the less specific ${dotted(vague)} and ${dotted(better)}, which says more about the same condition: report ${dotted(better)} only (Section I.B.2, I.B.18).`
        : `The chart reports the unspecified ${dotted(vague)} but documents "${current.get(better)?.[0]?.phrase ?? ''}": report the specific code (Section I.B.2, I.B.18).`;
      out.push(make(g, 'specificity', better, current.get(better) ?? [], [vague], reason, [...(g.chart.codes.get(vague) ?? []), ...(both ? (g.chart.codes.get(better) ?? []) : [])]));
      handled.add(better);
      continue;
    }
    const query = queryFor(g, vague, []);
    if (query) {
      const s = make(g, 'query', vague, [], [], `The chart reports the unspecified ${dotted(vague)} and the record does not document more.`, g.chart.codes.get(vague));
      out.push({ ...s, query });
    }
  }
  const allInfections = [...current.keys(), ...chartCodes].filter(isSystemicInfection);
  for (const code of documented) {
    if (handled.has(code)) continue;
    const ms = current.get(code) ?? [];
    const query = isUnspecified(table, code) ? queryFor(g, code, ms) : undefined;
    const reason =
      (g.implied.get(code) ?? `Documented in ${ms[0]?.where ?? 'the chart'} and not coded on the chart.${statusNote(states.get(code), inpatient)}`) +
      sepsisNote(code, sameSentence(g, code, ms), allInfections);
    if (initialInjuryOutsideActiveCare(g, code)) {
      // The 7th character A says active treatment (Section I.C.19.a): a stay or an emergency visit has it; an office visit may be follow-up care (D).
      out.push(make(g, 'query', code, ms, [], `${reason} The 7th character A (initial encounter, active treatment) fits a stay or an emergency visit; confirm this visit is active treatment, else the subsequent-encounter character applies (Section I.C.19.a).`));
      continue;
    }
    out.push({ ...make(g, 'documented', code, ms, [], reason), ...(query ? { query } : {}) });
  }
  const suggested = () => new Set([...handled, ...out.map((s) => normalizeCode(s.code))]);
  const knownNow = [...new Set([...documented, ...chartCodes, ...out.filter((s) => s.kind !== 'query').map((s) => normalizeCode(s.code))])];
  const admitted = snapshot.encounter?.admittedAt?.iso;
  const stay = inpatient && admitted ? { from: admitted, ...(snapshot.encounter?.dischargedAt?.iso ? { to: snapshot.encounter.dischargedAt.iso } : {}) } : undefined;
  for (const status of statusCodes(passages, table, knownNow, stay)) {
    if (suggested().has(status.code)) continue;
    // The status says more than a documented code of the same condition ("smokes 1 ppd" beside "nicotine dependence"): it stands in for it.
    const vaguer = out.findIndex((s) => s.kind === 'documented' && refines(table, status.code, normalizeCode(s.code)));
    if (vaguer >= 0) out.splice(vaguer, 1);
    out.push(make(g, 'status', status.code, status.mentions, [], status.reason));
  }
  const bmi = bmiFinding(snapshot, knownNow);
  if (bmi && !suggested().has(bmi.code)) {
    out.push(make(g, 'status', bmi.code, [{ code: bmi.code, phrase: `BMI ${bmi.value}`, source: bmi.source, where: bmi.where, context: 'affirmed' }], [], bmi.reason));
  }
  const history = groupByCode(historyMentions(mentions, passages.past, passages.text, lexicon, table).filter((m) => (!current.has(m.condition) || isEpisodic(m.condition)) && !current.has(m.code) && !suggested().has(m.code)));
  for (const [code, ms] of history) {
    const first = ms[0] as HistoryMention | undefined;
    const reason = first?.sequela
      ? `A past cerebrovascular event ("${first.trigger ?? ''} ${first.phrase}", ${first.where}) is documented with a deficit that remains: the deficit is coded as its sequela, not the event nor its history code (Section I.C.9.d; side and dominance, I.C.6.a).`
      : `Documented as history ("${first?.trigger ?? ''} ${first?.phrase ?? ''}", ${first?.where ?? 'the chart'}), not as a current condition: the personal-history code applies, not the condition's code (Section I.C.21.c.4).`;
    out.push(make(g, 'history', code, ms, [], reason));
  }
  for (const [code, ms] of terms) {
    const term = termQueryOf(code);
    if (term && !answered(g, term)) out.push(termQuery(g, term, ms));
  }
  markPrincipal(out, current, table, inpatient, chart.principal);
  return out;
}
