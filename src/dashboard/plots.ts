import type { Cell, MetricTable } from '../review/table.ts';

/** What one plot draws: a value per label, for one or more series. */
export interface PlotData {
  kind: 'bars' | 'lines';
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
  /** The value axis' unit, for its label. */
  unit: string;
}

const numberOf = (cell: Cell | undefined): number | null => (typeof cell === 'number' ? cell : null);
const textOf = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : String(cell));

/** Bars of one column, labelled by another. */
function bars(table: MetricTable, labelColumn: number, valueColumns: number[], unit: string): PlotData {
  return {
    kind: 'bars',
    labels: table.rows.map((row) => textOf(row[labelColumn])),
    series: valueColumns.map((column) => ({ label: table.columns[column] ?? '', values: table.rows.map((row) => numberOf(row[column])) })),
    unit,
  };
}

/**
 * How each table is plotted: the same numbers as the table, picked by column. A table with no
 * rows has no plot (the section says what to do instead).
 */
export function plotOf(table: MetricTable): PlotData | undefined {
  if (table.rows.length === 0) return undefined;
  switch (table.id) {
    case 'open-by-type':
      return bars(table, 1, [2], 'deficiencies');
    case 'open-by-physician':
      return bars(table, 0, [1], 'deficiencies');
    case 'deficiencies-over-time':
      return { ...bars(table, 0, [1, 2], 'deficiencies'), kind: 'lines' };
    case 'physicians-over-time':
      return { ...bars(table, 0, table.columns.map((_c, i) => i).slice(1), 'open deficiencies'), kind: 'lines' };
    case 'delinquency': {
      // One row: the delinquent charts beside the charts past the limit they are counted among.
      const [row] = table.rows;
      return { kind: 'bars', labels: table.columns.slice(1, 3), series: [{ label: 'Charts', values: [numberOf(row?.[1]), numberOf(row?.[2])] }], unit: 'charts' };
    }
    case 'days-to-completion':
      return bars(table, 0, [2], 'days');
    case 'query-rates':
    case 'cc-mcc-capture':
      return { ...bars(table, 0, [3], '%'), labels: table.rows.map((row) => textOf(row[0]).replace(/ \(.*\)$/, '')) };
    case 'drg-shifts':
      return { ...bars(table, 0, [2], 'charts'), labels: table.rows.map((row) => `${textOf(row[0])} → ${textOf(row[1])}`) };
    case 'rules-fired':
      return bars(table, 0, [1, 2], 'findings');
    default:
      return bars(table, 0, [table.columns.length - 1], '');
  }
}
