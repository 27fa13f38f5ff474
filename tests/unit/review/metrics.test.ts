import { describe, expect, it } from 'vitest';
import { ccMccCapture } from '../../../src/review/capture.ts';
import { daysToCompletion } from '../../../src/review/completion.ts';
import { deficienciesOverTime, openByPhysician, openByType } from '../../../src/review/deficiencies.ts';
import { delinquency } from '../../../src/review/delinquency.ts';
import { drgShifts } from '../../../src/review/drg-shifts.ts';
import { physiciansOverTime } from '../../../src/review/physicians-over-time.ts';
import { allMetrics, tableCsv } from '../../../src/review/metrics.ts';
import { queryRates } from '../../../src/review/queries.ts';
import { rulesFiredAndDismissed } from '../../../src/review/rules-fired.ts';
import { median, weekOf } from '../../../src/review/table.ts';
import type { ReviewRecord } from '../../../src/storage/review-types.ts';
import { A, finding, NOW, options, RECORD } from './metrics-record.ts';

const EMPTY: ReviewRecord = { charts: [], findings: [], queries: [], codeDecisions: [] };

describe('review metrics on a hand-counted record', () => {
  it('counts open deficiencies by type: open error/warning findings only (not info, dismissed or resolved)', () => {
    // Open: f1, f2 (authentication), f5, f10 (hp-missing), f7 (cdi).
    expect(openByType(RECORD).rows).toEqual([
      ['completeness', 'hp-missing', 2],
      ['authentication', 'dictated-not-signed', 1],
      ['authentication', 'verbal-order-not-authenticated', 1],
      ['cdi', 'query-sepsis', 1],
    ]);
  });

  it('counts open deficiencies by responsible physician, falling back to the attending', () => {
    // f1 Cole; f2 → A's attending Adams; f5, f10 Baker; f7 → B's attending Baker.
    expect(openByPhysician(RECORD).rows).toEqual([['Dr. Baker', 3], ['Dr. Adams', 1], ['Dr. Cole', 1]]);
  });

  it('tabulates deficiencies by the Monday of the week first seen', () => {
    const table = deficienciesOverTime(RECORD);
    expect(table.columns).toEqual(['Week of', 'Found', 'Still open', 'Found: authentication', 'Found: cdi', 'Found: completeness']);
    expect(table.rows).toEqual([
      ['2026-02-16', 2, 0, 1, 0, 1], // f8, f9 both resolved
      ['2026-03-02', 3, 2, 3, 0, 0], // f1, f2 open; f4 dismissed (f3 is info)
      ['2026-03-16', 3, 2, 1, 1, 1], // f5 (Saturday), f6 resolved, f7 (Sunday)
      ['2026-03-30', 1, 1, 0, 0, 1], // f10
    ]);
  });

  it('tabulates open deficiencies by physician and week first seen, the long tail as "Others"', () => {
    // Open: f1 Cole (wk 03-02), f2 Adams (03-02), f5 Baker (03-16), f7 Baker (03-16), f10 Baker (03-30).
    expect(physiciansOverTime(RECORD)).toMatchObject({
      columns: ['Week of', 'Dr. Baker', 'Dr. Adams', 'Dr. Cole'],
      rows: [['2026-03-02', 0, 1, 1], ['2026-03-16', 2, 0, 0], ['2026-03-30', 1, 0, 0]],
    });
    const many = { ...RECORD, findings: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'].map((who, i) => finding(A, `m${i}`, 'r', 'c', 'error', NOW, { responsible: who })) };
    const table = physiciansOverTime(many);
    expect(table.columns).toEqual(['Week of', 'P1', 'P2', 'P3', 'P4', 'P5', 'Others']);
    expect(table.rows).toEqual([['2026-03-30', 1, 1, 1, 1, 1, 2]]);
  });

  it('computes the delinquency rate over charts past the limit, and follows the limit', () => {
    expect(delinquency(RECORD, options).rows).toEqual([['Delinquency', 1, 2, 50]]); // A of A, C
    expect(delinquency(RECORD, { now: NOW, delinquencyDays: 10 }).rows).toEqual([['Delinquency', 2, 3, 66.7]]); // A, B of A, B, C
    expect(delinquency(RECORD, { now: NOW, delinquencyDays: 60 }).rows).toEqual([['Delinquency', 0, 0, null]]);
    // A discharge date kept as printed (not readable as a date) does not count as past the limit.
    const printed = { ...RECORD, charts: RECORD.charts.map((c) => (c.chartKey === A ? { ...c, dischargedAt: 'yesterday' } : c)) };
    expect(delinquency(printed, options).rows).toEqual([['Delinquency', 0, 1, 0]]);
  });

  it('takes the median days from first seen to resolved', () => {
    // f6 2.5 days, f8 1 day, f9 4 days; authentication (2.5 + 4) / 2 = 3.25.
    expect(daysToCompletion(RECORD).rows).toEqual([['All', 3, 2.5], ['authentication', 2, 3.3], ['completeness', 1, 1]]);
    expect(daysToCompletion(EMPTY).rows).toEqual([]);
  });

  it('computes the query, response and agreement rates', () => {
    expect(queryRates(RECORD).rows.map((row) => row.slice(1))).toEqual([
      [3, 4, 75], // A, B, C of four charts
      [2, 3, 66.7], // agreed + declined of agreed, declined, unanswered
      [1, 2, 50], // agreed of agreed + declined
    ]);
    expect(queryRates(EMPTY).rows.map((row) => row[3])).toEqual([null, null, null]);
  });

  it('computes the CC/MCC capture rate from accepted codes and agreed queries', () => {
    // A: accepted I13.0 from f3 (CC); B: agreed query on f7 (MCC); B's rejected code counts for nothing.
    expect(ccMccCapture(RECORD).rows.map((row) => row.slice(1))).toEqual([[2, 4, 50], [1, 4, 25], [1, 4, 25]]);
  });

  it('lists DRG shifts with their weight change, blank when a weight is unknown', () => {
    expect(drgShifts(RECORD).rows).toEqual([['292', '291', 1, 0.4], ['683', '682', 1, null]]);
  });

  it('ranks rules by findings fired, with their dismissed share', () => {
    expect(rulesFiredAndDismissed(RECORD).rows).toEqual([
      ['dictated-not-signed', 4, 1, 25],
      ['hp-missing', 3, 0, 0],
      ['combination-code-presumed', 1, 0, 0],
      ['query-sepsis', 1, 0, 0],
      ['verbal-order-not-authenticated', 1, 0, 0],
    ]);
  });

  it('writes a table as CSV: exactly its header and rows, an undefined value as an empty field', () => {
    expect(tableCsv(delinquency(RECORD, options))).toBe('Measure,Delinquent charts,Charts discharged more than 30 days ago,Rate (%)\r\nDelinquency,1,2,50\r\n');
    expect(tableCsv(drgShifts(RECORD))).toBe('From MS-DRG,To MS-DRG,Charts,Weight change\r\n292,291,1,0.4\r\n683,682,1,\r\n');
    expect(tableCsv(openByPhysician({ ...RECORD, findings: [finding(A, 'x', 'r', 'c', 'error', NOW, { responsible: 'Smith, "Jo"' })] }))).toBe(
      'Responsible physician,Open deficiencies\r\n"Smith, ""Jo""",1\r\n',
    );
  });

  it('gives every table a distinct id and columns as wide as its rows, also for an empty record', () => {
    for (const record of [RECORD, EMPTY]) {
      const tables = allMetrics(record, options);
      expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
      for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    }
  });
});

describe('tabulation helpers', () => {
  it('finds the middle value', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('puts Sunday in the week of the Monday before', () => {
    expect(weekOf('2026-03-22T23:59:00.000Z')).toBe('2026-03-16');
    expect(weekOf('2026-03-23T00:00:00.000Z')).toBe('2026-03-23');
  });
});
