import { describe, expect, it } from 'vitest';
import { plotOf } from '../../../src/dashboard/plots.ts';
import { allMetrics } from '../../../src/review/metrics.ts';
import { delinquency } from '../../../src/review/delinquency.ts';
import { openByType } from '../../../src/review/deficiencies.ts';
import { rulesFiredAndDismissed } from '../../../src/review/rules-fired.ts';
import { options, RECORD } from './metrics-record.ts';

// The plots draw the tables' own numbers: a plot and the table beside it never disagree.
describe('the dashboard plots', () => {
  it('plots every non-empty table, one point per row (delinquency: its two counts)', () => {
    for (const table of allMetrics(RECORD, options)) {
      const plot = plotOf(table)!;
      expect(plot, table.id).toBeDefined();
      const points = table.id === 'delinquency' ? 2 : table.rows.length;
      expect(plot.labels, table.id).toHaveLength(points);
      for (const series of plot.series) expect(series.values, table.id).toHaveLength(points);
    }
  });

  it('draws the counts of the table', () => {
    expect(plotOf(openByType(RECORD))).toMatchObject({ kind: 'bars', labels: ['hp-missing', 'dictated-not-signed', 'verbal-order-not-authenticated', 'query-sepsis'], series: [{ values: [2, 1, 1, 1] }] });
    expect(plotOf(rulesFiredAndDismissed(RECORD))?.series.map((s) => [s.label, s.values])).toEqual([
      ['Fired', [4, 3, 1, 1, 1]],
      ['Dismissed', [1, 0, 0, 0, 0]],
    ]);
    expect(plotOf(delinquency(RECORD, options))?.series[0]?.values).toEqual([1, 2]);
  });

  it('has no plot for a table with no rows (the section says what to do instead)', () => {
    expect(plotOf(openByType({ charts: [], findings: [], queries: [], codeDecisions: [] }))).toBeUndefined();
  });
});
