import { describe, expect, it } from 'vitest';
import { originPattern } from '../../../src/options/origin-pattern.ts';

describe('originPattern', () => {
  it.each([
    ['https://ehr.example.org', 'https://ehr.example.org/*'],
    ['ehr.example.org/login?next=/chart', 'https://ehr.example.org/*'],
    ['http://10.1.2.3:8080/emr', 'http://10.1.2.3/*'],
    ['  HTTPS://EHR.Example.org  ', 'https://ehr.example.org/*'],
  ])('%s → %s', (input, pattern) => {
    expect(originPattern(input)).toBe(pattern);
  });

  it.each(['', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://ehr.example.org', 'https://*.example.org'])('refuses %j', (input) => {
    expect(originPattern(input)).toBeUndefined();
  });
});
