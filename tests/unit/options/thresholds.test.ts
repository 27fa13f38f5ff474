import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings.ts';
import { defaultText, parseThresholds, THRESHOLD_FIELDS, thresholdText } from '../../../src/options/thresholds.ts';
import { buttonPatternError, siteOrigin } from '../../../src/options/guard-form.ts';

describe('thresholds form', () => {
  it('has a field for every engine setting', () => {
    expect(THRESHOLD_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('keeps only filled fields, as numbers or role lists', () => {
    const { values, errors } = parseThresholds({ verbalOrderHours: ' 24 ', cosignatureRoles: 'resident, , PA-C', hpMaxDaysBeforeAdmission: '' });
    expect(errors).toEqual({});
    expect(values).toEqual({ verbalOrderHours: 24, cosignatureRoles: ['resident', 'PA-C'] });
  });

  it('refuses zero, negative and non-numeric values, and an empty role list', () => {
    const { errors } = parseThresholds({ verbalOrderHours: '0', anesthesiaPreHours: '-4', operativeReportHours: 'soon', cosignatureRoles: ' , ' });
    expect(Object.keys(errors).sort()).toEqual(['anesthesiaPreHours', 'cosignatureRoles', 'operativeReportHours', 'verbalOrderHours']);
    expect(errors.verbalOrderHours).toBe('Enter a positive number of hours.');
  });

  it('shows stored values and defaults as text', () => {
    expect(thresholdText({ cosignatureRoles: ['intern', 'NP'] }, 'cosignatureRoles')).toBe('intern, NP');
    expect(thresholdText({}, 'verbalOrderHours')).toBe('');
    expect(defaultText('verbalOrderHours')).toBe('48');
  });
});

describe('pre-submission settings', () => {
  it('accepts a pattern that compiles and explains one that does not', () => {
    expect(buttonPatternError(String.raw`^\s*(sign|submit)\b`)).toBeUndefined();
    expect(buttonPatternError('(sign')).toMatch(/^Not a valid regular expression/);
    expect(buttonPatternError('  ')).toMatch(/Enter a pattern/);
  });

  it('keys a site by its origin, port included, as the worker does', () => {
    expect(siteOrigin('ehr.example.org/chart?id=1')).toBe('https://ehr.example.org');
    expect(siteOrigin('http://10.0.0.5:8080/emr')).toBe('http://10.0.0.5:8080');
    expect(siteOrigin('file:///tmp/x')).toBeUndefined();
    expect(siteOrigin('')).toBeUndefined();
  });
});
