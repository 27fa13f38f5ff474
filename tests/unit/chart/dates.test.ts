import { describe, expect, it } from 'vitest';
import { hoursBetween, parseClinicalDate, toEpoch } from '../../../src/chart/dates.ts';

describe('parseClinicalDate', () => {
  it.each([
    // US forms, with and without time, dashes, two-digit years
    ['03/14/1958', '1958-03-14'],
    ['11/20/2026 14:32', '2026-11-20T14:32'],
    ['11/2/2026, 9:20:00 AM', '2026-11-02T09:20:00'],
    ['12/01/2026 12:05 AM', '2026-12-01T00:05'],
    ['12/01/2026 12:05 PM', '2026-12-01T12:05'],
    ['10/06/2026 at 10:52 AM', '2026-10-06T10:52'],
    ['Signed 11/20/2026 @ 4:45 p.m.', '2026-11-20T16:45'],
    ['11-20-2026', '2026-11-20'],
    ['11/20/26 14:32', '2026-11-20T14:32'],
    ['1/2/99', '1999-01-02'],
    // ISO and HL7 TS
    ['2026-11-20', '2026-11-20'],
    ['2026-11-20T16:45:00Z', '2026-11-20T16:45:00Z'],
    ['2026-11-20T16:45:00.123+0530', '2026-11-20T16:45:00+05:30'],
    ['1986-05-12 (040Y)', '1986-05-12'],
    ['20261120', '2026-11-20'],
    ['202611201645', '2026-11-20T16:45'],
    ['20261120164500-0500', '2026-11-20T16:45:00-05:00'],
    // Words
    ['Nov 3, 2026 2:05 PM', '2026-11-03T14:05'],
    ['November 3rd, 2026', '2026-11-03'],
    ['Sept. 9 2026', '2026-09-09'],
    ['3 Nov 2026 14:05', '2026-11-03T14:05'],
    ['03-Nov-2026', '2026-11-03'],
    ['Jan 9, 1990 (36 yrs)', '1990-01-09'],
    ['MAR 14,1948', '1948-03-14'],
    ['APR 08, 2026@15:42', '2026-04-08T15:42'],
    // 24-hour times without a colon
    ['06-Apr-2026 2140', '2026-04-06T21:40'],
    ['08/17/26 2155', '2026-08-17T21:55'],
    ['ELEC 08/17/26 0315', '2026-08-17T03:15'],
    ['04/06/2026 2460', '2026-04-06'],
    ['e-signed 08/19/26-1402', '2026-08-19T14:02'],
    ['04/06/2026 21405', '2026-04-06'],
    ['signed on 2026-03-11 at 0745', '2026-03-11T07:45'],
    ['reviewed 3/11/26 0745. Plan unchanged', '2026-03-11T07:45'],
    ['3/11/26 0745, then', '2026-03-11T07:45'],
    ['3/11/26 1010.5 mL', '2026-03-11'],
    // Zone words are dropped (wall time); a word starting with z is not UTC
    ['Nov 3, 2026 2:05 PM EST', '2026-11-03T14:05'],
    ['11/20/2026 16:45 zoster flare', '2026-11-20T16:45'],
  ])('%s → %s', (text, iso) => {
    expect(parseClinicalDate(text)).toBe(iso);
  });

  it.each(['', 'no date here', '13/45/2026', 'Feb 29, 2025', '2026-02-30', '99/99/9999', '1/1/1700', 'I50.23', '148/92'])(
    'reads nothing certain from %j',
    (text) => {
      expect(parseClinicalDate(text)).toBeUndefined();
    },
  );

  it('keeps the date when the time is impossible', () => {
    expect(parseClinicalDate('11/20/2026 25:61')).toBe('2026-11-20');
  });

  it('accepts a leap day in a leap year', () => {
    expect(parseClinicalDate('02/29/1960')).toBe('1960-02-29');
  });
});

describe('hoursBetween and toEpoch', () => {
  it('compares wall times as written', () => {
    expect(hoursBetween('2026-11-20T16:45', '2026-11-22T16:45')).toBe(48);
    expect(hoursBetween('2026-11-20', '2026-11-20T12:00')).toBe(12);
  });

  it('honours zones when both carry one', () => {
    expect(hoursBetween('2026-11-20T10:00-05:00', '2026-11-20T16:00Z')).toBe(1);
  });

  it('says undefined rather than guess', () => {
    expect(hoursBetween('not a date', '2026-11-20')).toBeUndefined();
    expect(toEpoch('2026-13-40')).toBeUndefined();
  });
});
