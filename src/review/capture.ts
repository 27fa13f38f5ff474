import type { ReviewRecord } from '../storage/review-types.ts';
import { percent, type MetricTable } from './table.ts';

/**
 * CC/MCC capture: charts where an accepted code, or a query the physician agreed to, added a
 * CC or MCC. A query's level is that of the finding it was drafted from.
 */
export function ccMccCapture(record: ReviewRecord): MetricTable {
  const levelOf = new Map(record.findings.map((f) => [`${f.chartKey}\u0000${f.fingerprint}`, f.severityLevel]));
  const captured = new Map<string, 'CC' | 'MCC'>();
  const note = (chartKey: string, level: 'CC' | 'MCC' | undefined) => {
    if (level && captured.get(chartKey) !== 'MCC') captured.set(chartKey, level);
  };
  for (const decision of record.codeDecisions) {
    if (decision.decision !== 'accepted') continue;
    note(decision.chartKey, decision.severityLevel ?? (decision.fingerprint ? levelOf.get(`${decision.chartKey}\u0000${decision.fingerprint}`) : undefined));
  }
  for (const query of record.queries) {
    if (query.outcome === 'agreed') note(query.chartKey, levelOf.get(`${query.chartKey}\u0000${query.fingerprint}`));
  }
  const reviewed = record.charts.length;
  const mcc = [...captured.values()].filter((level) => level === 'MCC').length;
  return {
    id: 'cc-mcc-capture',
    title: 'CC/MCC capture rate',
    columns: ['Measure', 'Charts', 'Charts reviewed', 'Rate (%)'],
    rows: [
      ['CC or MCC captured', captured.size, reviewed, percent(captured.size, reviewed)],
      ['MCC captured', mcc, reviewed, percent(mcc, reviewed)],
      ['CC captured (no MCC)', captured.size - mcc, reviewed, percent(captured.size - mcc, reviewed)],
    ],
  };
}
