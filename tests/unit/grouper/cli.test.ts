import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupCommand } from '../../../src/cli/group.ts';
import { hasOracle, oracleLines, SHARED_CODESETS } from './oracle.ts';

describe.skipIf(!hasOracle)('chartlint group', () => {
  let out: string;
  let err: string[];
  const dir = mkdtempSync(join(tmpdir(), 'chartlint-group-'));
  const file = (name: string, lines: string[]): string => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const run = (args: string[], stdin = ''): number => groupCommand([...args, `--shared=${SHARED_CODESETS}`], () => stdin);

  beforeEach(() => {
    out = '';
    err = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      err.push(args.join(' '));
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const claims = oracleLines('claims.jsonl').slice(0, 3);

  it('writes one JSON result a line, with the fields of the CMS answers and the DRG title', () => {
    expect(run([file('ok.jsonl', claims)])).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'C00003', drg: 439, mdc: 7, returnCode: 'OK', drgTitle: 'Disorders of Pancreas Except Malignancy with CC' });
    expect(Object.keys(lines[0]!)).toEqual(expect.arrayContaining(['severity', 'medSurg', 'sdxSeverity', 'initialDrg', 'hacStatus', 'pdx', 'sdx', 'procedures', 'mce']));
    expect(err).toEqual([]);
  });

  it('reports a malformed line with its number, groups the others, and exits 1', () => {
    const path = file('bad.jsonl', [claims[0]!, '{"id": "broken"', '', '{"id":"C9","age":"old"}', claims[1]!]);
    expect(run([path])).toBe(1);
    expect(out.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['C00003', 'C00006']);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/line 2: not JSON/);
    expect(err[1]).toMatch(/line 4: age: expected an integer/);
  });

  it('reads stdin for -, and writes csv and aligned tables', () => {
    expect(run(['-', '--format', 'csv'], claims.join('\n'))).toBe(0);
    const csv = out.trim().split('\n');
    expect(csv[0]).toBe('id,drg,mdc,returnCode,severity,medSurg,sdxSeverity,initialDrg,hacStatus,mceEdits,title');
    expect(csv[1]).toBe('C00003,439,7,OK,CC,MEDICAL,CC,439,NOT_APPLICABLE,,Disorders of Pancreas Except Malignancy with CC');
    out = '';
    expect(run(['-', '--format', 'table'], claims.join('\n'))).toBe(0);
    const table = out.trim().split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]!.indexOf('drg')).toBe(table[1]!.indexOf('439'));
  });

  it('refuses an unknown format, a missing file and a folder without the tables (exit 2)', () => {
    expect(run([file('x.jsonl', claims), '--format', 'xml'])).toBe(2);
    expect(run([join(dir, 'missing.jsonl')])).toBe(2);
    expect(groupCommand([file('y.jsonl', claims), `--shared=${dir}`])).toBe(2);
    expect(err.join('\n')).toMatch(/no MS-DRG\/MCE v43.1 tables/);
    expect(readFileSync(join(dir, 'y.jsonl'), 'utf8')).toContain('C00003');
  });
});
