import type { ChartSnapshot } from '../chart/snapshot.ts';
import { compileRule, engineFor, type CompiledRule } from './compile.ts';
import { decide } from './conditions.ts';
import { explain } from './explanation.ts';
import { ChartFacts, createFactContext } from './fact-context.ts';
import type { FactContext } from './facts/fact.ts';
import { FACTS } from './facts/index.ts';
import { fingerprintOf } from './fingerprint.ts';
import type { Finding, Severity } from './finding.ts';
import { OPERATORS } from './operators/index.ts';
import type { PackError } from './packs.ts';
import type { RulePack } from './rule.ts';
import { RuleIndex, type RuleGroup } from './rule-index.ts';
import { itemsOf, type ScopedItem } from './scopes.ts';
import { SCOPES } from './rule.ts';
import { resolveSettings, type EngineSettings } from './settings.ts';
import { evidenceOf, renderTemplate } from './template.ts';

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
 * Builds the evaluator once per set of packs: rules compiled and indexed by scope and kind,
 * one reusable json-rules-engine Engine per rule (built on first use). Each evaluation computes
 * facts once per item (chart-wide facts once per snapshot), runs the cheap synchronous index
 * over the candidates, and gives the survivors to json-rules-engine, whose rule result decides
 * and explains each finding.
 */
export function createEvaluator(packs: RulePack[], settings: Partial<EngineSettings> = {}, options: EvaluatorOptions = {}): Evaluator {
  const resolved = resolveSettings(settings);
  const rules = packs.flatMap((pack) => pack.rules.map((spec) => compileRule(spec, FACTS)));
  const index = new RuleIndex(rules);
  const errors: PackError[] = [];
  /** Per chart: document id → findings of the rules that depend on that document alone. */
  const previous = new Map<string, Map<string, Finding[]>>();

  const fail = (rule: CompiledRule, scoped: ScopedItem, error: unknown) => {
    if (errors.some((e) => e.rule === rule.spec.id && e.pack === rule.spec.pack)) return;
    const message = `failed on ${scoped.scope} "${scoped.id}": ${error instanceof Error ? error.message : String(error)}`;
    errors.push({ pack: rule.spec.pack, file: `${rule.spec.pack}/${rule.spec.id}.json`, rule: rule.spec.id, message });
  };

  async function runGroup(group: RuleGroup, context: FactContext, scoped: ScopedItem, out: Finding[]): Promise<void> {
    const candidates = options.prefilter === false ? group.rules : group.candidates(context);
    for (const rule of candidates) {
      try {
        if (options.prefilter !== false && !decide(rule.node, context, OPERATORS)) continue;
        const facts = Object.fromEntries(rule.facts.map((id) => [id, context.fact(id)]));
        const { results } = await engineFor(rule).run(facts);
        const result = results[0];
        if (result) out.push(findingOf(rule, result, context, scoped));
      } catch (error) {
        fail(rule, scoped, error);
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
      for (const scope of SCOPES) {
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
          let itemOnly = reusable;
          if (!itemOnly) {
            itemOnly = [];
            await runGroup(group.itemOnly, context, scoped, itemOnly);
          }
          if (scope === 'document') kept.set(scoped.id, itemOnly);
          findings.push(...itemOnly);
          await runGroup(group.chartDependent, context, scoped, findings);
        }
      }
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
    citation: spec.citation,
    evidence,
    codes: spec.codes ?? [],
    explanation: explain(result),
    subject: scoped.id,
    fingerprint: fingerprintOf(spec.pack, spec.id, scoped.id, evidence[0]?.text),
  };
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
