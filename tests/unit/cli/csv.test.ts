import { describe, expect, it } from 'vitest';
import { csvRecord } from '../../../src/cli/csv.ts';
import { parseCsv } from './parse-csv.ts';

describe('CSV records (RFC 4180)', () => {
  it('round-trips commas, quotes, line breaks and plain fields', () => {
    const fields = ['plain', 'Patel, Anjali, MD', 'said "no"', 'line one\nline two', 'crlf\r\ninside', '', '42 CFR 482.24(c)(1)'];
    const text = csvRecord(fields) + csvRecord(['a', 'b']);
    expect(parseCsv(text)).toEqual([fields, ['a', 'b']]);
  });

  it('quotes only what needs it', () => {
    expect(csvRecord(['a', 'b c', 'd,e', 'f"g'])).toBe('a,b c,"d,e","f""g"\r\n');
  });
});
