import type { Engine, RuleResult } from 'json-rules-engine';
import type { ChartSnapshot } from '../chart/snapshot.ts';
import { compileRule, createEngine, engineRuleOf, type CompiledRule } from './compile.ts';
import { explain } from './explanation.ts';
import { ChartFacts, createFactContext } from './fact-context.ts';
import type { FactContext } from './facts/fact.ts';
import { FACTS } from './facts/index.ts';
import { fingerprintOf } from './fingerprint.ts';
import type { Finding, Severity, SuggestedCode } from './finding.ts';
import type { PackError } from './packs.ts';
import type { RulePack } from './rule.ts';
import { RuleIndex, type RuleGroup } from './rule-index.ts';
import { TokenMemo } from './token-memo.ts';
import { itemsOf, type ScopedItem } from './scopes.ts';
import { SCOPES } from './rule.ts';
import { resolveSettings, type EngineSettings } from './settings.ts';
import { evidenceOf, renderTemplate, valueAt } from './template.ts';

export interface EvaluateOptions {
  /**
   * Only these documents changed since the last evaluation of the same chart: the others keep
   * their results for rules that depend on the document alone.
   */
  changedDocumentIds?: string[];
}

export interface Evaluator {
  evaluate(snapshot: ChartSnapshot, opts?: EvaluateOptions): Promise<Finding[]>;
  /** Rules that threw while evaluating (each reported once); they are skipped, the others run. */
  readonly errors: readonly PackError[];
}

export interface EvaluatorOptions {
  /** Off only in tests that check the index never hides a finding json-rules-engine would give. */
  prefilter?: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const REMEMBERED_CHARTS = 8;

/**
 * Builds the evaluator once per set of packs: rules compiled (conditions into a synchronous
 * pre-filter, and json-rules-engine Rules parsed once) and indexed by scope, kind, keyword and
 * equality conditions. Each evaluation computes facts once per item (chart-wide facts once per
 * snapshot), finds the item's candidate rules through the index, keeps those the pre-filter
 * passes, and runs them in one json-rules-engine run per item, whose rule results decide and
 * explain each finding. Items where nothing passes cost no engine run.
 */
export function createEvaluator(packs: RulePack[], settings: Partial<EngineSettings> = {}, options: EvaluatorOptions = {}): Evaluator {
  const resolved = resolveSettings(settings);
  const rules = packs.flatMap((pack) => pack.rules.map((spec) => compileRule(spec, FACTS)));
  const ruleNumbers = new Map(rules.map((rule, i) => [rule, String(i)]));
  const index = new RuleIndex(rules);
  const prefilter = options.prefilter !== false;
  const errors: PackError[] = [];
  /** Per chart: document id → findings of the rules that depend on that document alone. */
  const previous = new Map<string, Map<string, Finding[]>>();
  /** Idle engines: concurrent evaluations never share one (a run adds and removes its rules). */
  const engines: Engine[] = [];

  const fail = (rule: CompiledRule, scoped: ScopedItem, error: unknown) => {
    if (errors.some((e) => e.rule === rule.spec.id && e.pack === rule.spec.pack)) return;
    const message = `failed on ${scoped.scope} "${scoped.id}": ${error instanceof Error ? error.message : String(error)}`;
    errors.push({ pack: rule.spec.pack, file: `${rule.spec.pack}/${rule.spec.id}.json`, rule: rule.spec.id, message });
  };

  const memo = new TokenMemo();
  const tokens = (text: string) => memo.tokens(text);
  const candidates: CompiledRule[] = [];
  const termFound: CompiledRule[] = [];
  /** The group's rules the pre-filter passes on this item (all of them with the pre-filter off). */
  function survivors(group: RuleGroup, context: FactContext, scoped: ScopedItem, out: CompiledRule[]): void {
    if (!prefilter) {
      out.push(...group.rules);
      return;
    }
    // Scratch lists reused for every item: this function is synchronous, so no two calls share them.
    candidates.length = 0;
    termFound.length = 0;
    group.candidates(context, candidates, termFound, tokens);
    for (const rule of candidates) {
      try {
        if (rule.test(context)) out.push(rule);
      } catch (error) {
        fail(rule, scoped, error);
      }
    }
    for (const rule of termFound) {
      try {
        if ((rule.testRest ?? rule.test)(context)) out.push(rule);
      } catch (error) {
        fail(rule, scoped, error);
      }
    }
  }

  /** One json-rules-engine run of these rules on the item's facts: the results of those that fire. */
  async function run(batch: CompiledRule[], context: FactContext): Promise<RuleResult[]> {
    const facts: Record<string, unknown> = {};
    for (const rule of batch) for (const id of rule.facts) if (!(id in facts)) facts[id] = context.fact(id);
    const engine = engines.pop() ?? createEngine();
    const added = batch.map((rule) => engineRuleOf(rule, ruleNumbers.get(rule)!));
    for (const rule of added) engine.addRule(rule);
    const { results } = await engine.run(facts);
    for (const rule of added) engine.removeRule(rule);
    engines.push(engine); // Only after a clean run: an engine whose run threw is dropped.
    return results;
  }

  /**
   * Runs the batch (one run; rule by rule if it throws, to name the rule) and makes its findings:
   * those of item-only rules into `itemOnly`, the others into `chartDependent`.
   */
  async function decide(batch: CompiledRule[], context: FactContext, scoped: ScopedItem, itemOnly: Finding[], chartDependent: Finding[]): Promise<void> {
    const add = (results: RuleResult[]) => {
      for (const result of results) {
        const rule = rules[Number(result.name)]!;
        try {
          (rule.itemOnly ? itemOnly : chartDependent).push(findingOf(rule, result, context, scoped));
        } catch (error) {
          fail(rule, scoped, error);
        }
      }
    };
    try {
      add(await run(batch, context));
    } catch {
      for (const rule of batch) {
        try {
          add(await run([rule], context));
        } catch (error) {
          fail(rule, scoped, error);
        }
      }
    }
  }

  return {
    errors,
    async evaluate(snapshot, opts = {}) {
      const chartFacts = new ChartFacts(snapshot, resolved, FACTS);
      const key = chartKey(snapshot);
      const before = opts.changedDocumentIds ? previous.get(key) : undefined;
      const changed = new Set(opts.changedDocumentIds ?? []);
      const kept = new Map<string, Finding[]>();
      const findings: Finding[] = [];
      const batch: CompiledRule[] = [];
      for (const scope of SCOPES) {
        // No rule of this scope: its items are not even listed (code suggestions cost time to list).
        if (!index.hasScope(scope)) continue;
        for (const scoped of itemsOf(snapshot, scope)) {
          const group = index.groupFor(scope, scoped.kind);
          const reusable = scope === 'document' && !changed.has(scoped.id) ? before?.get(scoped.id) : undefined;
          if (reusable && group.chartDependent.rules.length === 0) {
            // The keystroke path: an unchanged document whose rules all depend on it alone.
            kept.set(scoped.id, reusable);
            findings.push(...reusable);
            continue;
          }
          const context = createFactContext(chartFacts, scope, scoped.item);
          batch.length = 0;
          if (!reusable) survivors(group.itemOnly, context, scoped, batch);
          survivors(group.chartDependent, context, scoped, batch);
          const itemOnly: Finding[] = reusable ?? [];
          if (batch.length > 0) await decide(batch, context, scoped, itemOnly, findings);
          if (scope === 'document') kept.set(scoped.id, itemOnly);
          for (const f of itemOnly) findings.push(f);
        }
      }
      memo.rotate(!opts.changedDocumentIds);
      previous.delete(key);
      previous.set(key, kept);
      if (previous.size > REMEMBERED_CHARTS) previous.delete(previous.keys().next().value!);
      return findings.sort(compareFindings);
    },
  };
}

function findingOf(rule: CompiledRule, result: Parameters<typeof explain>[0], context: FactContext, scoped: ScopedItem): Finding {
  const { spec } = rule;
  const evidence = evidenceOf(spec.evidence ?? (scoped.scope === 'chart' ? [] : ['item']), context);
  return {
    rule: spec.id,
    pack: spec.pack,
    category: spec.category,
    severity: spec.severity,
    message: renderTemplate(spec.message, context),
    ...(spec.detail ? { detail: renderTemplate(spec.detail, context) } : {}),
    ...queryOf(spec.query, context),
    citation: spec.citation,
    evidence,
    codes: spec.codesFrom ? codesAt(context, spec.codesFrom) : (spec.codes ?? []),
    explanation: explain(result),
    subject: scoped.id,
    fingerprint: fingerprintOf(spec.pack, spec.id, scoped.id, evidence[0]?.text),
  };
}

/** `{ query }` when the rule drafts one for this item: `{{item.query|}}` renders blank for items without a draft. */
function queryOf(template: string | undefined, context: FactContext): { query?: string } {
  const query = template ? renderTemplate(template, context).trim() : '';
  return query ? { query } : {};
}

/** The SuggestedCode[] at a rule's `codesFrom` path ([] when absent). */
function codesAt(context: FactContext, path: string): SuggestedCode[] {
  const value = valueAt(context, path);
  return Array.isArray(value) ? (value as SuggestedCode[]) : [];
}

/** Which chart a snapshot is, for incremental re-evaluation: same page and same patient. */
function chartKey(snapshot: ChartSnapshot): string {
  const { source, patient } = snapshot;
  return [source.adapter, source.url ?? '', patient.mrn?.value ?? '', patient.name?.value ?? ''].join('\u0000');
}

/** Errors first, then by category, pack, rule and item: the same chart always lists the same way. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.category.localeCompare(b.category) ||
    a.pack.localeCompare(b.pack) ||
    a.rule.localeCompare(b.rule) ||
    a.subject.localeCompare(b.subject) ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}
