import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartFiles } from '../../../src/cli/chart-files.ts';

const root = mkdtempSync(join(tmpdir(), 'chartlint-files-'));
const put = (path: string): string => {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '<html></html>');
  return full;
};

describe('the files behind chartlint audit DIR|FILES...', () => {
  const charts = ['b.html', 'A.htm', 'sub/c.xml', 'sub/deeper/d.json', 'Z.XML'].map(put);
  ['a.reading.json', 'a.expected.json', 'sub/rule.cases.json', 'notes.txt', 'sub/scan.pdf'].forEach(put);

  it('walks a folder for chart files in code-point order of their paths, without gold or sidecar files', () => {
    const { files, unreadable } = chartFiles([root]);
    expect(unreadable).toEqual([]);
    expect(files).toEqual([...charts].sort((a, b) => (a < b ? -1 : 1)));
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['A.htm', 'Z.XML', 'b.html', 'sub/c.xml', 'sub/deeper/d.json']);
  });

  it('keeps file arguments as given, whatever their name, and audits a file named twice once', () => {
    const notes = join(root, 'notes.txt');
    const missing = join(root, 'gone.html');
    const { files } = chartFiles([notes, join(root, 'sub'), missing, join(root, 'sub', 'c.xml')]);
    expect(files).toEqual([notes, join(root, 'sub/c.xml'), join(root, 'sub/deeper/d.json'), missing]);
  });
});
