import { chartKeyOf } from '../chart/chart-key.ts';
import { coverageOf } from '../chart/coverage.ts';
import type { ChartSnapshot, Field } from '../chart/snapshot.ts';
import type { Finding } from '../engine/finding.ts';
import { responsibleFor } from '../review/responsible.ts';
import type { ChartlintDatabase } from './db.ts';
import type { IdentifierPrivacy, ReviewedDrg, ReviewRecord } from './review-types.ts';
import { pageOf, writeChartReview, type ChartFacts, type ChartReviewCounts, type FindingFacts } from './review-write.ts';

export interface ChartReviewInput {
  /** The chart as read (the worker's merge of the tab's frames). */
  snapshot: ChartSnapshot;
  findings: readonly Finding[];
  drg?: ReviewedDrg;
  origin?: string;
  url?: string;
  privacy: IdentifierPrivacy;
  now: string;
  /** "pack/rule" of the rules that ran, when some are switched off (see ReadFacts.rulesRun). */
  rulesRun?: ReadonlySet<string>;
}

/**
 * Records one read of a chart in the browser: the chart (identifiers only when the user chose to
 * store them), each finding raised and who is to complete it, and the findings no longer raised
 * as resolved when the read was complete enough to judge (see writeChartReview).
 */
export function recordChartReview(db: ChartlintDatabase, input: ChartReviewInput): Promise<ChartReviewCounts> {
  const { snapshot, privacy } = input;
  const chartKey = chartKeyOf(snapshot);
  const encounter = snapshot.encounter;
  const chart: ChartFacts = {
    chartKey,
    source: 'browser',
    origin: input.origin,
    url: input.url,
    // An EHR's page title names the patient ("Okonkwo, James T · Inpatient chart"): an identifier too.
    ...(privacy === 'store-identifiers' ? { title: snapshot.source.title, patientName: valueOf(snapshot.patient.name), mrn: valueOf(snapshot.patient.mrn) } : { title: undefined }),
    encounterClass: encounter?.kind,
    admittedAt: timeOf(encounter?.admittedAt),
    dischargedAt: timeOf(encounter?.dischargedAt),
    attending: valueOf(encounter?.attending?.name),
  };
  const findings = input.findings.map((finding) => findingFactsOf(chartKey, finding, responsibleFor(snapshot, finding)));
  const readComplete = (snapshot.coverage ?? coverageOf(snapshot)).complete;
  return writeChartReview(db, chart, findings, {
    page: pageOf(input.url),
    readComplete,
    now: input.now,
    ...(input.drg ? { drg: input.drg } : {}),
    ...(input.rulesRun ? { rulesRun: input.rulesRun } : {}),
  });
}

/** The stored shape of an engine finding (also used for imported batch results). */
export function findingFactsOf(chartKey: string, finding: Finding, responsible: string | undefined): FindingFacts {
  const levels = finding.codes.flatMap((code) => (code.severityLevel ? [code.severityLevel] : []));
  return {
    chartKey,
    fingerprint: finding.fingerprint,
    rule: finding.rule,
    pack: finding.pack,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    subject: finding.subject,
    ...(responsible ? { responsible } : {}),
    ...(finding.codes.length > 0 ? { codes: finding.codes.map((code) => code.code) } : {}),
    ...(levels.length > 0 ? { severityLevel: levels.includes('MCC') ? 'MCC' : 'CC' } : {}),
  };
}

/** Everything in the review record, for the worklist and the dashboard. */
export async function readReviewRecord(db: ChartlintDatabase): Promise<ReviewRecord> {
  const tx = db.transaction(['reviewCharts', 'reviewFindings', 'reviewQueries', 'codeDecisions'], 'readonly');
  const [charts, findings, queries, codeDecisions] = await Promise.all([
    tx.objectStore('reviewCharts').getAll(),
    tx.objectStore('reviewFindings').getAll(),
    tx.objectStore('reviewQueries').getAll(),
    tx.objectStore('codeDecisions').getAll(),
  ]);
  await tx.done;
  return { charts, findings, queries, codeDecisions };
}

function valueOf(field: Field | undefined): string | undefined {
  const value = field?.value.trim();
  return value ? value : undefined;
}

/** A date as ISO when it was read as one (sortable, countable), else as printed. */
function timeOf(field: Field | undefined): string | undefined {
  return field?.iso ?? valueOf(field);
}
