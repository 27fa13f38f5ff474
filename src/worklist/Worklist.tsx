import { useMemo, useState } from 'preact/hooks';
import { useReviewRecord } from '../review/use-review-record.ts';
import { filterChoices, filterRows, sortRows, worklistRows, type SortKey, type WorklistFilter, type WorklistRow, type WorklistSort } from '../review/worklist.ts';

const COLUMNS: { key: SortKey; label: string; number?: boolean }[] = [
  { key: 'label', label: 'Chart' },
  { key: 'encounter', label: 'Encounter' },
  { key: 'dischargedAt', label: 'Discharged' },
  { key: 'daysSinceDischarge', label: 'Days since discharge', number: true },
  { key: 'openCount', label: 'Open deficiencies', number: true },
  { key: 'responsible', label: 'Responsible physicians' },
  { key: 'oldestDaysOpen', label: 'Days open (oldest)', number: true },
  { key: 'types', label: 'Open by type' },
];

/** The HIM worklist: every chart with an open deficiency, oldest trouble first. */
export function Worklist() {
  const { loaded, error } = useReviewRecord();
  const [filter, setFilter] = useState<WorklistFilter>({ type: '', physician: '' });
  const [sort, setSort] = useState<WorklistSort>({ key: 'daysSinceDischarge', direction: 'descending' });
  const rows = useMemo(() => (loaded ? worklistRows(loaded.record, loaded.options) : []), [loaded]);
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);

  return (
    <main class="page">
      <header class="page-header">
        <h1>chartlint worklist</h1>
        <a href="../dashboard/index.html">Dashboard</a>
      </header>
      {error && <p class="problem" role="alert">{error}</p>}
      {!loaded && !error && <p class="state">Loading the review record…</p>}
      {loaded && rows.length === 0 && (
        <p class="state" data-state="empty">
          No chart has an open deficiency. Review charts in the EHR with the chartlint panel open, or import a batch run on the <a href="../dashboard/index.html">dashboard</a>; charts with open deficiencies will be listed here.
        </p>
      )}
      {loaded && rows.length > 0 && (
        <>
          <p class="muted">
            A chart is delinquent when a deficiency is still open more than {loaded.options.delinquencyDays} days after discharge (set on the options page, Thresholds).
          </p>
          <Filters filter={filter} choices={choices} onChange={setFilter} />
          <p role="status" data-testid="worklist-count">{shown.length} of {rows.length} charts shown</p>
          <table class="data-table worklist">
            <caption class="muted">Charts with open deficiencies</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.key} column={column} sort={sort} onSort={setSort} />
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <Row key={row.chartKey} row={row} limit={loaded.options.delinquencyDays} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}

function Filters({ filter, choices, onChange }: { filter: WorklistFilter; choices: { types: string[]; physicians: string[] }; onChange: (filter: WorklistFilter) => void }) {
  return (
    <div class="filters" role="group" aria-label="Filters">
      <label>
        Deficiency type
        <select value={filter.type} onChange={(event) => onChange({ ...filter, type: event.currentTarget.value })}>
          <option value="">All types</option>
          {choices.types.map((type) => <option key={type} value={type}>{type}</option>)}
        </select>
      </label>
      <label>
        Responsible physician
        <select value={filter.physician} onChange={(event) => onChange({ ...filter, physician: event.currentTarget.value })}>
          <option value="">All physicians</option>
          {choices.physicians.map((who) => <option key={who} value={who}>{who}</option>)}
        </select>
      </label>
    </div>
  );
}

function SortHeader({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: WorklistSort; onSort: (sort: WorklistSort) => void }) {
  const active = sort.key === column.key;
  const next = active && sort.direction === 'ascending' ? 'descending' : 'ascending';
  return (
    <th scope="col" class={column.number ? 'number' : undefined} aria-sort={active ? sort.direction : undefined}>
      <button type="button" class="sort-button" onClick={() => onSort({ key: column.key, direction: next })}>
        {column.label}
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/** Only the EHR's own pages are linked: a stored address is data, and never a script URL. */
function safeLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

function Row({ row, limit }: { row: WorklistRow; limit: number }) {
  const link = safeLink(row.url);
  return (
    <tr class={row.delinquent ? 'delinquent' : undefined} data-chart-key={row.chartKey}>
      <td>
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer">{row.label}</a>
        ) : (
          <span>{row.label}</span>
        )}
        {!link && row.file && <div class="chart-file">file {row.file}</div>}
        {!link && row.importName && <div class="muted">imported from {row.importName}</div>}
        {row.readComplete === false && <div class="muted">read partially</div>}
      </td>
      <td>{row.encounter || <span class="muted">not read</span>}</td>
      <td>{row.dischargedAt ? <time dateTime={row.dischargedAt}>{row.dischargedAt.slice(0, 10)}</time> : <span class="muted">not stated</span>}</td>
      <td class="number" data-column="daysSinceDischarge">
        {row.daysSinceDischarge ?? <span class="muted">no discharge date</span>}
        {row.delinquent && <div class="delinquent-note">Delinquent (over {limit} days)</div>}
      </td>
      <td class="number" data-column="openCount">{row.openCount}</td>
      <td>{row.responsible.join('; ')}</td>
      <td class="number" data-column="oldestDaysOpen">{row.oldestDaysOpen}</td>
      <td>
        <ul class="type-list">
          {row.openByType.map(([type, count]) => <li key={type} data-type={type}>{type}: {count}</li>)}
        </ul>
      </td>
    </tr>
  );
}
