import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../../src/cli/audit-text.ts';
import { CSV_COLUMNS } from '../../../src/cli/audit-csv.ts';
import { parseCsv } from './parse-csv.ts';

// `chartlint audit DIR` as a batch job runs it (bin/chartlint.js: the bundle when fresh, else
// tsx), over a record set with two corrupt files, gold sidecars and a file that is no chart.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const chartlint = (...args: string[]) => spawnSync(process.execPath, ['bin/chartlint.js', 'audit', ...args], { cwd: ROOT, encoding: 'utf8' });

const records = mkdtempSync(join(tmpdir(), 'chartlint-batch-'));
const put = (path: string, content: string): string => {
  mkdirSync(join(records, path, '..'), { recursive: true });
  writeFileSync(join(records, path), content);
  return join(records, path);
};
const copy = (from: string, to: string): string => {
  mkdirSync(join(records, to, '..'), { recursive: true });
  copyFileSync(join(ROOT, from), join(records, to));
  return join(records, to);
};
const PAGES = ['a1-hospital-notes-activity', 'b4-scanned-document-index', 'c5-openemr-style-encounter'];
const charts = [
  ...PAGES.map((p) => copy(`tests/corpus/pages/${p}.html`, `pages/${p}.html`)),
  copy('tests/fixtures/fhir/inpatient-stay.json', 'fhir/inpatient-stay.json'),
  copy('tests/fixtures/demo-ehr/pneumonia.html', 'pneumonia.html'),
];
const broken = put('broken.html', '{ "resourceType": "Bundle", "entry": [');
const notWellFormed = put('fhir/summary.xml', '<ClinicalDocument xmlns="urn:hl7-org:v3">\n<title>T</titel>\n</ClinicalDocument>');
copy(`tests/corpus/pages/${PAGES[0]}.expected.json`, `pages/${PAGES[0]}.expected.json`);
copy(`tests/corpus/pages/${PAGES[0]}.reading.json`, `pages/${PAGES[0]}.reading.json`);
put('pages/rule.cases.json', '[]');
put('pages/readme.txt', 'not a chart');
const inOrder = [...charts, broken, notWellFormed].sort((a, b) => (a < b ? -1 : 1));
const audited = inOrder.filter((f) => charts.includes(f));

const ndjson = (stdout: string): AuditResult[] => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as AuditResult);
/** What two runs of the same chart share: everything but the times measured from "now". */
const stable = (r: AuditResult) => [r.file, r.chart, r.drg, r.findings.map((f) => f.fingerprint)];

describe('chartlint audit over a folder', () => {
  const csvRun = chartlint(records, '--format', 'csv', '--jobs', '2');
  const ndjsonRun = chartlint(records, '--format', 'ndjson', '--jobs', '1');
  const results = ndjson(ndjsonRun.stdout);

  it('reports each corrupt file on one line, in file order, and audits the rest', () => {
    const lines = csvRun.stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      `chartlint audit: ${broken}: starts like JSON but is not valid JSON (Unexpected end of JSON input)`,
      expect.stringMatching(new RegExp(`^chartlint audit: ${notWellFormed}: is not well-formed XML \\(line 2`)),
    ]);
    expect(results.map((r) => r.file)).toEqual(audited);
    expect(csvRun.stderr).toMatch(/charts audited +5\n/);
    expect(csvRun.stderr).toMatch(/charts skipped \(unreadable\) +2\n/);
  });

  it('writes one CSV record per finding, and one empty-finding record for a chart with none', () => {
    const [header, ...rows] = parseCsv(csvRun.stdout);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const expected = results.flatMap((r) => (r.findings.length === 0 ? [[r.file, '']] : r.findings.map((f) => [r.file, f.rule])));
    expect(rows.map((row) => [row[0], row[5]])).toEqual(expected);
    const first = results.find((r) => r.findings.length > 0)!;
    const f = first.findings[0]!;
    expect(rows.find((row) => row[0] === first.file)).toEqual([first.file, first.chart.patient?.mrn ?? '', '', first.chart.encounter?.kind ?? '', first.chart.encounter?.admittedAt ?? '', f.rule, f.pack, f.category, f.severity, f.message, f.evidence[0]?.text ?? '', f.citation]);
  });

  it('writes one chart per ndjson line, with who and which stay it is and the working DRG', () => {
    const stay = results.find((r) => r.file.endsWith('inpatient-stay.json'))!;
    expect(stay.chart).toEqual({ patient: { name: 'Rosa M Alvarez', mrn: 'MRN-20417' }, encounter: { kind: 'inpatient', admittedAt: '2026-11-20T14:32:00-05:00', dischargedAt: '2026-11-24T11:05:00-05:00' } });
    const pneumonia = results.find((r) => r.file.endsWith('pneumonia.html'))!;
    expect(pneumonia.drg).toEqual({ drg: '195', title: 'Simple Pneumonia and Pleurisy without CC/MCC', mdc: '04' });
    for (const r of results) expect(Object.keys(r)).toEqual(expect.arrayContaining(['file', 'adapter', 'warnings', 'coverage', 'findings', 'chart', 'drg']));
    expect(ndjsonRun.stderr).toMatch(/Working MS-DRG \(\d+ charts? grouped/);
  });

  it('gives the same results in the same order on one core and on several', () => {
    const parallel = ndjson(chartlint(records, '--format', 'ndjson', '--jobs', '3').stdout);
    expect(parallel.map(stable)).toEqual(results.map(stable));
  });

  it('prints a table of charts with the summary after it', () => {
    const { stdout, stderr } = chartlint(records, '--format', 'table');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^file +findings +errors +read complete +DRG$/);
    expect(lines.slice(1, 1 + audited.length).map((l) => l.split(/\s+/)[0])).toEqual(audited);
    expect(lines.find((l) => l.startsWith(join(records, 'pneumonia.html')))).toMatch(/ 195 Simple Pneumonia/);
    expect(stdout).toMatch(/\nSummary\n {2}charts audited +5\n/);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('chartlint audit exit codes', () => {
  const clean = join(ROOT, 'tests/fixtures/fhir/signed-note.json'); // no error finding, read complete
  const partial = join(ROOT, 'tests/fixtures/fhir/single-condition.json'); // no finding, read incomplete

  it('0 without error findings; 1 with error findings; 2 when a file was skipped, the rest still audited', () => {
    expect(chartlint(clean, '--format', 'json').status).toBe(0);
    const skipped = chartlint(clean, broken, '--format', 'ndjson');
    expect(skipped.status).toBe(2);
    expect(ndjson(skipped.stdout).map((r) => r.file)).toEqual([clean]);
    expect(chartlint(join(ROOT, 'tests/fixtures/fhir/inpatient-stay.json'), '--format', 'ndjson').status).toBe(1);
  });

  it('--strict: 1 for an incomplete read', () => {
    expect(chartlint(partial, '--format', 'ndjson').status).toBe(0);
    expect(chartlint(partial, '--format', 'ndjson', '--strict').status).toBe(1);
  });

  it('2 when no file at all could be read, or on a usage error', () => {
    const onlyBroken = mkdtempSync(join(tmpdir(), 'chartlint-broken-'));
    writeFileSync(join(onlyBroken, 'a.html'), '{ "x": ');
    writeFileSync(join(onlyBroken, 'b.xml'), '<a><b></a>');
    const run = chartlint(onlyBroken, '--format', 'csv');
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('chartlint audit: '))).toHaveLength(2);
    expect(chartlint(mkdtempSync(join(tmpdir(), 'chartlint-empty-'))).status).toBe(2);
    for (const args of [[], [clean, '--format', 'xml'], [clean, '--jobs', '0'], [clean, '--jobs', 'many'], [clean, '--colour']]) {
      const usage = chartlint(...args);
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/Usage: chartlint audit DIR\|FILE\.\.\./);
    }
  });
});

describe('chartlint audit tests/corpus/pages --format csv', () => {
  it('prints the summary on stderr and one record per finding on stdout', () => {
    const csv = chartlint('tests/corpus/pages', '--format', 'csv');
    const json = JSON.parse(chartlint('tests/corpus/pages', '--format', 'json', '--jobs', '1').stdout) as AuditResult[];
    const [, ...rows] = parseCsv(csv.stdout);
    const findings = json.reduce((n, r) => n + r.findings.length, 0);
    const chartsWithout = json.filter((r) => r.findings.length === 0).length;
    expect(json).toHaveLength(20);
    expect(rows).toHaveLength(findings + chartsWithout);
    expect(csv.stderr).toMatch(/^Summary\n {2}charts audited +20\n/);
    expect(csv.stderr).toContain(`findings                      ${findings} (`);
    expect(csv.stderr).toMatch(/\nFindings by category\n/);
    expect(csv.stderr).toMatch(/\nFindings by rule\n/);
  });
});
