/**
 * The working MS-DRG of an open inpatient chart and its what-if: per suggested code, open query
 * and CC/MCC finding, the DRG the chart would group to if the coder took it (or, for a CC/MCC
 * already on the chart, without it). Pure: the worker hands in the chart, its open findings,
 * the accepted codes, the tables and, when imported, the relative weights.
 *
 * Each option is grouped on its own copy of the claim (what-if.ts `withOption`), one grouping
 * per candidate, so a chart with ten candidates costs eleven groupings (~30,000 a second).
 */
import type { ChartSnapshot } from '../chart/snapshot.ts';
import { dotted, normalizeCode } from '../codes/code-format.ts';
import { queryTemplateFor } from '../codes/suggest/query-draft.ts';
import type { Finding } from '../engine/finding.ts';
import { claimFromChart, cmCodeOf, type AcceptedCode } from './chart-claim.ts';
import type { DecodedTables } from './compact-format.ts';
import { groupClaim, type GrouperOutput } from './grouper.ts';
import { editClaim } from './mce.ts';
import type { GrouperTables } from './tables.ts';
import type { Claim, DrgSeverity, ReturnCode } from './types.ts';
import { withOption, type WhatIfOption } from './what-if.ts';

/** Relative weights per DRG (CMS Table 5) and, optionally, the hospital's base rate in dollars. */
export interface DrgWeights {
  source: string;
  weights: ReadonlyMap<number, number>;
  baseRate?: number;
}

export interface DrgOutcome {
  drg: number;
  title: string;
  severity: DrgSeverity;
  changesDrg: boolean;
  /** Relative weight minus the working DRG's, when weights are imported and know both DRGs. */
  weightDelta?: number;
  /** weightDelta × base rate, when a base rate is set. */
  paymentDelta?: number;
  /** For a query: the answer codes (dotted) that give this DRG. */
  codes?: string[];
}

export interface WhatIfLine {
  /** The finding this line answers. */
  fingerprint: string;
  rule: string;
  /** add: a suggested code; replace: a more specific or combination code; answer: a query's answers; without: a CC/MCC on the chart taken away. */
  kind: 'add' | 'replace' | 'answer' | 'without';
  /** Dotted ICD-10-CM code the line is about (the questioned code for a query). */
  code: string;
  /** Dotted codes it replaces. */
  replaces: string[];
  severityLevel?: 'CC' | 'MCC';
  outcomes: DrgOutcome[];
  /** Why no DRG could be given for this finding (a query about a term with no code). */
  note?: string;
}

export type WorkingDrg =
  | { status: 'unavailable'; reason: string }
  | {
      status: 'ready';
      /** "MS-DRG v43.1". */
      version: string;
      drg: number;
      title: string;
      mdc: number;
      mdcTitle?: string;
      severity: DrgSeverity;
      returnCode: ReturnCode;
      principal: string;
      secondaries: string[];
      procedures: string[];
      age: number;
      sex: string;
      dischargeStatus: string;
      assumed: string[];
      /** MCE edits that stop payment (the claim would be returned), by name. */
      mceEdits: string[];
      weight?: number;
      weights?: { source: string; baseRate?: number };
      whatIf: WhatIfLine[];
    };

export interface WorkingDrgInput {
  snapshot: ChartSnapshot;
  /** Open (not dismissed) findings. */
  findings: readonly Finding[];
  /** The chart's working list: codes accepted from findings, with the rule that suggested each. */
  accepted: readonly { system: string; code: string; rule: string }[];
  tables: DecodedTables;
  weights?: DrgWeights;
}

/** Findings whose DRG effect the what-if shows: suggestions, specificity, queries, CC/MCC on the chart. */
const CC_MCC_ON_CHART = 'secondary-cc-mcc';
/** At most this many answer codes are grouped for one query (I50.9 has about twenty). */
const MAX_ANSWERS = 40;

function versionOf(tables: GrouperTables): string {
  const m = /^V(\d+)(\d)$/.exec(tables.version);
  return m ? `MS-DRG v${m[1]}.${m[2]}` : `MS-DRG ${tables.version}`;
}

/** The chart codes a finding's accepted code stands in for (its `remove` codes). */
function replacedBy(findings: readonly Finding[], rule: string, code: string): string[] {
  const finding = findings.find((f) => f.rule === rule && f.codes.some((c) => c.code === code && (c.action === 'add' || c.action === 'replace')));
  return finding ? finding.codes.filter((c) => c.action === 'remove').map((c) => c.code) : [];
}

function outcome(result: Pick<GrouperOutput, 'drg' | 'drgTitle' | 'severity'>, current: GrouperOutput, weights: DrgWeights | undefined): DrgOutcome {
  const out: DrgOutcome = { drg: result.drg, title: result.drgTitle, severity: result.severity, changesDrg: result.drg !== current.drg };
  const w = weights?.weights.get(result.drg);
  const base = weights?.weights.get(current.drg);
  if (w !== undefined && base !== undefined) {
    out.weightDelta = Math.round((w - base) * 10_000) / 10_000;
    if (weights?.baseRate !== undefined) out.paymentDelta = Math.round(out.weightDelta * weights.baseRate);
  }
  return out;
}

const answerCache = new WeakMap<GrouperTables, Map<string, string[]>>();

/** The grouper's codes under the query template's specific-code prefixes (cached per template). */
function answerCodes(tables: GrouperTables, prefixes: readonly string[]): string[] {
  let cache = answerCache.get(tables);
  if (!cache) answerCache.set(tables, (cache = new Map<string, string[]>()));
  const key = prefixes.join(' ');
  let codes = cache.get(key);
  if (!codes) {
    const ps = prefixes.map(normalizeCode);
    codes = [...tables.dx.keys()].filter((c) => ps.some((p) => c.startsWith(p))).slice(0, MAX_ANSWERS);
    cache.set(key, codes);
  }
  return codes;
}

/** One what-if line per finding that can move the DRG; undefined for the others. */
function lineFor(finding: Finding, input: WorkingDrgInput, claim: Claim, current: GrouperOutput): WhatIfLine | undefined {
  const { tables, weights } = input;
  const onClaim = new Set([claim.pdx.code, ...claim.sdx.map((d) => d.code)]);
  const base = { fingerprint: finding.fingerprint, rule: finding.rule };

  if (finding.rule === CC_MCC_ON_CHART) {
    const item = input.snapshot.diagnoses.find((d) => d.id === finding.subject);
    const code = item?.code ? cmCodeOf(item.code.system, item.code.code) : undefined;
    if (!code || !claim.sdx.some((d) => d.code === code)) return undefined;
    const without = groupClaim(tables.grouper, { ...claim, sdx: claim.sdx.filter((d) => d.code !== code) });
    const level = tables.grouper.dx.get(code)?.severity;
    return { ...base, kind: 'without', code: dotted(code), replaces: [], ...(level === 2 ? { severityLevel: 'MCC' as const } : level === 1 ? { severityLevel: 'CC' as const } : {}), outcomes: [outcome(without, current, weights)] };
  }

  const review = finding.codes.find((c) => c.action === 'review');
  if (finding.query !== undefined || review) {
    const questioned = review ? cmCodeOf(review.system, review.code) : undefined;
    const template = questioned ? queryTemplateFor(questioned) : undefined;
    if (!questioned || !template) {
      return { ...base, kind: 'answer', code: review?.code ?? '', replaces: [], outcomes: [], note: 'the answer decides the code and its sequencing: no DRG until the provider answers' };
    }
    const byDrg = new Map<number, DrgOutcome>();
    for (const code of answerCodes(tables.grouper, template.specificCodes)) {
      const r = groupClaim(tables.grouper, withOption(claim, { code, replaces: questioned }));
      const seen = byDrg.get(r.drg);
      if (seen) seen.codes?.push(dotted(code));
      else byDrg.set(r.drg, { ...outcome(r, current, weights), codes: [dotted(code)] });
    }
    return { ...base, kind: 'answer', code: dotted(questioned), replaces: [], outcomes: [...byDrg.values()].sort((a, b) => a.drg - b.drg) };
  }

  const suggested = finding.codes.find((c) => c.action === 'add' || c.action === 'replace');
  const code = suggested ? cmCodeOf(suggested.system, suggested.code) : undefined;
  if (!suggested || !code || onClaim.has(code)) return undefined;
  const replaces = finding.codes.filter((c) => c.action === 'remove').map((c) => normalizeCode(c.code)).filter((c) => onClaim.has(c));
  // One removed code is replaced in place (principal or secondary); any others simply go.
  const [first, ...rest] = replaces;
  const trimmed = rest.length > 0 ? { ...claim, sdx: claim.sdx.filter((d) => !rest.includes(d.code)) } : claim;
  const option: WhatIfOption = first ? { code, replaces: first } : { code };
  const result = groupClaim(tables.grouper, withOption(trimmed, option));
  return {
    ...base,
    kind: first ? 'replace' : 'add',
    code: dotted(code),
    replaces: replaces.map(dotted),
    ...(suggested.severityLevel ? { severityLevel: suggested.severityLevel } : {}),
    outcomes: [outcome(result, current, weights)],
  };
}

/** The chart's working DRG and what-if, or why it has none. */
export function workingDrg(input: WorkingDrgInput): WorkingDrg {
  const { tables, weights } = input;
  const accepted: AcceptedCode[] = input.accepted.map((a) => ({ system: a.system, code: a.code, replaces: replacedBy(input.findings, a.rule, a.code) }));
  const chart = claimFromChart(input.snapshot, accepted);
  if ('reason' in chart) return { status: 'unavailable', reason: chart.reason };
  const { claim, assumed } = chart;
  const current = groupClaim(tables.grouper, claim);
  const mce = editClaim(tables.mce, claim);
  const weight = weights?.weights.get(current.drg);
  const mdcTitle = tables.mdcTitles?.get(current.mdc);
  return {
    status: 'ready',
    version: versionOf(tables.grouper),
    drg: current.drg,
    title: current.drgTitle,
    mdc: current.mdc,
    ...(mdcTitle ? { mdcTitle } : {}),
    severity: current.severity,
    returnCode: current.returnCode,
    principal: dotted(claim.pdx.code),
    secondaries: claim.sdx.map((d) => dotted(d.code)),
    procedures: claim.procedures,
    age: claim.age,
    sex: claim.sex,
    dischargeStatus: claim.dischargeStatus,
    assumed,
    mceEdits: mce.editType === 'PREPAYMENT' ? mce.edits.map((e) => e.edit) : [],
    ...(weight !== undefined ? { weight } : {}),
    ...(weights ? { weights: { source: weights.source, ...(weights.baseRate !== undefined ? { baseRate: weights.baseRate } : {}) } } : {}),
    whatIf: input.findings.flatMap((f) => lineFor(f, input, claim, current) ?? []),
  };
}
