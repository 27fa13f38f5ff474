import { useMemo } from 'preact/hooks';
import { allMetrics } from '../review/metrics.ts';
import { useReviewRecord } from '../review/use-review-record.ts';
import { BatchImport } from './BatchImport.tsx';
import { EMPTY_HINT, MetricSection } from './MetricSection.tsx';

/** The HIM dashboard: one section per metric of the review record, each a plot, a table and its CSV. */
export function Dashboard() {
  const { loaded, error, reload } = useReviewRecord();
  const tables = useMemo(() => (loaded ? allMetrics(loaded.record, loaded.options) : []), [loaded]);
  return (
    <main class="page">
      <header class="page-header">
        <h1>chartlint dashboard</h1>
        <a href="../worklist/index.html">Worklist</a>
      </header>
      {error && <p class="problem" role="alert">{error}</p>}
      {!loaded && !error && <p class="state">Loading the review record…</p>}
      {loaded && (
        <>
          <p class="muted" data-testid="dashboard-summary">
            {loaded.record.charts.length === 0
              ? `No chart reviewed yet. ${EMPTY_HINT}`
              : `${loaded.record.charts.length} charts reviewed (${loaded.record.charts.filter((c) => c.source === 'batch-import').length} from batch imports). Delinquent means still incomplete more than ${loaded.options.delinquencyDays} days after discharge.`}
          </p>
          <nav aria-label="Metrics" class="toc">
            {tables.map((table, i) => (
              <span key={table.id}>
                {i > 0 && ' · '}
                <a href={`#${table.id}-heading`}>{table.title}</a>
              </span>
            ))}
          </nav>
          {tables.map((table) => <MetricSection key={table.id} table={table} />)}
        </>
      )}
      <BatchImport onImported={reload} />
    </main>
  );
}
