import { Validator, type OutputUnit } from '@cfworker/json-schema';
import schema from './schema.json' with { type: 'json' };
import type { SiteProfile } from './format.ts';

/** One problem in a profile file: which field (a dotted path, "" for the whole file) and why. */
export interface ProfileProblem {
  field: string;
  message: string;
}

export type ProfileCheck = { ok: true; profile: SiteProfile } | { ok: false; problems: ProfileProblem[] };

/** Whether a string is a CSS selector the browser accepts; the pure core cannot tell alone. */
export type SelectorCheck = (selector: string) => boolean;

// Interpreted, never compiled to code: runs under the extension's CSP (no eval).
const validator = new Validator(schema as never, '2020-12', false);

/** Keywords that only say "a subschema failed"; the specific failure is reported beside them. */
const STRUCTURAL = new Set(['properties', '$ref', 'allOf', 'anyOf', 'oneOf', 'items', 'additionalProperties']);

/**
 * Reads a profile file: JSON, then the schema, then every selector through `isSelector` (the
 * options page passes the browser's own parser). Returns every problem, each naming its field,
 * so a user can fix the file in one go.
 */
export function parseSiteProfile(text: string, isSelector?: SelectorCheck): ProfileCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ field: '', message: `not valid JSON (${(error as Error).message})` }] };
  }
  return checkSiteProfile(json, isSelector);
}

/** The same for a value already parsed (a stored record). */
export function checkSiteProfile(json: unknown, isSelector?: SelectorCheck): ProfileCheck {
  const result = validator.validate(json);
  const problems = result.valid ? [] : describe(result.errors);
  // Selectors are checked even when the schema failed elsewhere, so one round fixes the file.
  if (isSelector && isRecord(json)) {
    for (const [field, selector] of selectorsOf(json)) {
      if (!isSelector(selector)) problems.push({ field, message: `"${selector}" is not a CSS selector the browser accepts` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profile: json as SiteProfile };
}

/** Every selector of a profile (or of what claims to be one) with the dotted name of its field. */
export function selectorsOf(profile: Partial<SiteProfile>): [string, string][] {
  const out: [string, string][] = [];
  const strings = (group: string, value: unknown) => {
    if (!isRecord(value)) return;
    for (const [key, selector] of Object.entries(value)) if (typeof selector === 'string' && selector) out.push([`${group}.${key}`, selector]);
  };
  strings('patient', profile.patient);
  strings('documents', profile.documents);
  for (const key of ['orderTable', 'codeGrid'] as const) {
    const selector: unknown = profile[key];
    if (typeof selector === 'string' && selector) out.push([key, selector]);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(errors: OutputUnit[]): ProfileProblem[] {
  const specific = errors.filter((e) => !STRUCTURAL.has(e.keyword));
  const shown = specific.length > 0 ? specific : errors.slice(0, 1);
  const seen = new Set<string>();
  return shown.flatMap((e) => {
    const problem = { field: pathOf(e.instanceLocation), message: e.keyword === 'false' ? 'this field is not part of a site profile' : plain(e) };
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [problem];
  });
}

/** "#/documents/title" → "documents.title". */
function pathOf(location: string): string {
  return location.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

/** The validator's wording, made to read as advice for the fields a user meets. */
function plain(e: OutputUnit): string {
  if (e.keyword === 'required') return e.error.replace(/^Instance does not have required property/, 'missing the required field');
  if (e.keyword === 'const' && e.instanceLocation === '#/format') return 'must be "chartlint-site-profile": this file is not a chartlint site profile';
  if (e.keyword === 'const' && e.instanceLocation === '#/version') return 'must be 1: this profile was written for another version of chartlint';
  if (e.keyword === 'pattern' && e.instanceLocation === '#/origin') return 'must be a site address without a path, such as "https://ehr.example.org"';
  if (e.keyword === 'minLength') return 'must not be empty';
  const type = /Instance type "(\w+)" is invalid\. Expected "(\w+)"/.exec(e.error);
  if (e.keyword === 'type' && type) return `must be ${type[2] === 'object' ? 'an object' : `a ${type[2]}`}, not ${type[1] === 'array' ? 'an array' : `a ${type[1]}`}`;
  return e.error;
}
