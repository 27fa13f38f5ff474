import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The `chartlint` command as a batch job runs it (bin/chartlint.js: the bundle when fresh, else
// tsx): a file it cannot read is one line on stderr and exit 2, never a stack.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chartlint-cli-'));
const chartlint = (...args: string[]) => spawnSync(process.execPath, ['bin/chartlint.js', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('chartlint on files it cannot read', () => {
  it('snapshot: one line naming the file and the problem, exit 2', () => {
    const file = join(dir, 'chart.html');
    writeFileSync(file, '{ "resourceType": "Patient", ');
    const { status, stdout, stderr } = chartlint('snapshot', file);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(`chartlint snapshot: ${file}: starts like JSON but is not valid JSON (`)).toBe(true);
    expect(stderr.split('\n')).toEqual([expect.stringMatching(/\)$/), '']);
  });

  it('snapshot: a C-CDA that is not well-formed says where', () => {
    const file = join(dir, 'summary.xml');
    writeFileSync(file, '<ClinicalDocument xmlns="urn:hl7-org:v3">\n<title>T</titel>\n</ClinicalDocument>');
    const { status, stderr } = chartlint('snapshot', file);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^chartlint snapshot: .*summary\.xml: is not well-formed XML \(line 2, column \d+: Opening and ending tag mismatch: .*\)\n$/);
  });
});

describe('chartlint --version', () => {
  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(chartlint('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
  });
});
