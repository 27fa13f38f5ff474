import { describe, expect, it } from 'vitest';
import { filterChoices, filterRows, sortRows, worklistRows } from '../../../src/review/worklist.ts';
import { RECORD } from './metrics-record.ts';

const rows = worklistRows(RECORD, { now: '2026-03-31T12:00:00.000Z', delinquencyDays: 30 });
const byKey = (key: string) => rows.find((row) => row.chartKey.startsWith(key))!;

describe('the worklist rows', () => {
  it('lists each chart with an open deficiency once, and not the chart whose deficiencies are all resolved', () => {
    expect(rows.map((row) => row.chartKey[0]).sort()).toEqual(['a', 'b', 'd']);
  });

  it('says days since discharge, open deficiencies by type, physicians, the oldest open and delinquency', () => {
    expect(byKey('a')).toMatchObject({
      label: 'Chart aaaaaaaaaa', // no identifiers kept: the chart key
      daysSinceDischarge: 58,
      openByType: [['authentication', 2]],
      openCount: 2,
      responsible: ['Dr. Adams', 'Dr. Cole'],
      oldestDaysOpen: 29, // f1, first seen 29 days 2 hours ago
      delinquent: true,
      url: 'http://127.0.0.1/a.html',
    });
    expect(byKey('b')).toMatchObject({ daysSinceDischarge: 11, openByType: [['cdi', 1], ['completeness', 1]], responsible: ['Dr. Baker'], oldestDaysOpen: 10, delinquent: false });
    expect(byKey('d')).toMatchObject({ label: 'Doe, Jane · MRN 123', daysSinceDischarge: null, importName: 'run.ndjson', file: 'charts/d.html', oldestDaysOpen: 1, delinquent: false });
  });

  it('filters by deficiency type and by physician', () => {
    expect(filterRows(rows, { type: 'completeness', physician: '' }).map((row) => row.chartKey[0]).sort()).toEqual(['b', 'd']);
    expect(filterRows(rows, { type: '', physician: 'Dr. Cole' }).map((row) => row.chartKey[0])).toEqual(['a']);
    expect(filterRows(rows, { type: 'cdi', physician: 'Dr. Cole' })).toEqual([]);
    expect(filterChoices(rows)).toEqual({ types: ['authentication', 'cdi', 'completeness'], physicians: ['Dr. Adams', 'Dr. Baker', 'Dr. Cole'] });
  });

  it('sorts by a column either way, charts without a discharge date first when ascending', () => {
    expect(sortRows(rows, { key: 'oldestDaysOpen', direction: 'descending' }).map((row) => row.chartKey[0])).toEqual(['a', 'b', 'd']);
    expect(sortRows(rows, { key: 'daysSinceDischarge', direction: 'ascending' }).map((row) => row.chartKey[0])).toEqual(['d', 'b', 'a']);
    expect(sortRows(rows, { key: 'label', direction: 'ascending' }).map((row) => row.chartKey[0])).toEqual(['a', 'b', 'd']);
    // By type: authentication < cdi, completeness < completeness.
    expect(sortRows(rows, { key: 'types', direction: 'descending' }).map((row) => row.chartKey[0])).toEqual(['d', 'b', 'a']);
  });
});
