import { describe, expect, it } from 'vitest';
import { parseSiteProfile, type ProfileProblem } from '../../../src/chart/site-profile/validate.ts';
import { loadHtml } from './load-page.ts';

const VALID = {
  format: 'chartlint-site-profile',
  version: 1,
  origin: 'http://127.0.0.1:8080',
  updatedAt: '2026-12-07T02:00:00Z',
  patient: { name: 'span.name', mrn: 'section.ptbar > span:nth-of-type(2)' },
  documents: { container: 'main > article.card', title: ':scope > h2', status: ':scope > h2 > span.pill' },
  orderTable: 'table.orders',
};

// The browser's own selector parser, as the options page passes it (here happy-dom's).
const doc = loadHtml('<p></p>', 'http://127.0.0.1/');
const isSelector = (selector: string) => {
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
};

/** expect.stringMatching, typed as the string it stands for. */
const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;

const problems = (value: unknown): ProfileProblem[] => {
  const check = parseSiteProfile(typeof value === 'string' ? value : JSON.stringify(value), isSelector);
  return check.ok ? [] : check.problems;
};

describe('site profile validation', () => {
  it('accepts a valid profile as it is', () => {
    expect(parseSiteProfile(JSON.stringify(VALID), isSelector)).toEqual({ ok: true, profile: VALID });
  });

  it.each([
    ['not JSON', '{"format": "chartlint-site-profile",', [{ field: '', message: matching(/^not valid JSON/) }]],
    ['an array', [], [{ field: '', message: 'must be an object, not an array' }]],
    ['another kind of file', { ...VALID, format: 'chartlint-rule' }, [{ field: 'format', message: 'must be "chartlint-site-profile": this file is not a chartlint site profile' }]],
    ['a later version', { ...VALID, version: 2 }, [{ field: 'version', message: 'must be 1: this profile was written for another version of chartlint' }]],
    ['an origin with a path', { ...VALID, origin: 'http://127.0.0.1:8080/chart' }, [{ field: 'origin', message: 'must be a site address without a path, such as "https://ehr.example.org"' }]],
    ['a number for a selector', { ...VALID, patient: { name: 42 } }, [{ field: 'patient.name', message: 'must be a string, not a number' }]],
    ['an unknown field', { ...VALID, patient: { ssn: 'td.ssn' } }, [{ field: 'patient.ssn', message: 'this field is not part of a site profile' }]],
    ['notes without a container', { ...VALID, documents: { title: 'h2' } }, [{ field: 'documents', message: matching(/^missing the required field "container"/) }]],
    ['an empty label', { ...VALID, documents: { ...VALID.documents, labels: { author: '' } } }, [{ field: 'documents.labels.author', message: 'must not be empty' }]],
    ['a label for a part notes do not have', { ...VALID, documents: { ...VALID.documents, labels: { ward: 'ward' } } }, [{ field: 'documents.labels.ward', message: 'this field is not part of a site profile' }]],
    ['an empty selector', { ...VALID, codeGrid: '' }, [{ field: 'codeGrid', message: 'must not be empty' }]],
    ['a selector the browser refuses', { ...VALID, documents: { container: 'article[[' } }, [{ field: 'documents.container', message: '"article[[" is not a CSS selector the browser accepts' }]],
  ])('rejects %s, naming the field and why', (_, value, expected) => {
    expect(problems(value)).toEqual(expected);
  });

  it('checks the selectors too when the schema already failed, so one round fixes the file', () => {
    expect(problems({ ...VALID, version: 3, orderTable: 'table[' })).toEqual([
      { field: 'version', message: 'must be 1: this profile was written for another version of chartlint' },
      { field: 'orderTable', message: '"table[" is not a CSS selector the browser accepts' },
    ]);
  });

  it('lists every missing field at once', () => {
    expect(problems({ format: 'chartlint-site-profile' }).map((p) => p.message)).toEqual([
      expect.stringMatching(/"version"/), expect.stringMatching(/"origin"/), expect.stringMatching(/"updatedAt"/),
    ]);
  });
});
