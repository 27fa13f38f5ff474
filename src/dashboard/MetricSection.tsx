import { useMemo } from 'preact/hooks';
import { tableCsv, type MetricTable } from '../review/metrics.ts';
import { downloadText } from './download.ts';
import { Plot } from './Plot.tsx';
import { plotOf } from './plots.ts';

export const EMPTY_HINT = 'Review charts in the EHR with the panel open, or import a batch run below.';

/** One metric: its plot, its table beside it, and the table as CSV. */
export function MetricSection({ table }: { table: MetricTable }) {
  const plot = useMemo(() => plotOf(table), [table]);
  const headingId = `${table.id}-heading`;
  return (
    <section class="metric" aria-labelledby={headingId} data-metric={table.id}>
      <h2 id={headingId}>{table.title}</h2>
      {!plot ? (
        <p class="state" data-state="empty">Nothing to show yet. {EMPTY_HINT}</p>
      ) : (
        <div class="metric-body">
          <Plot plot={plot} title={table.title} />
          <div class="table-side">
            <table class="data-table">
              <thead>
                <tr>{table.columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c} class={typeof cell === 'number' ? 'number' : undefined}>{cell ?? '—'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => downloadText(`chartlint-${table.id}.csv`, tableCsv(table))}>
              Download CSV<span class="visually-hidden"> of {table.title}</span>
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
