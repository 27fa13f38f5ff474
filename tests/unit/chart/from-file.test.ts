import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotFromFile, snapshotFromText, UnreadableFileError } from '../../../src/chart/from-file.ts';
import { auditCommand } from '../../../src/cli/audit.ts';

// Files the CLI cannot read as a chart: each is one clear UnreadableFileError (the CLI prints
// it as one line after the file name), never a parser's exception.

const NOW = '2026-11-24T12:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'chartlint-from-file-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const fromText = (text: string, name: string) => snapshotFromText(text, { url: `file:///${name}`, now: NOW, name });

describe('unreadable files', () => {
  it.each([
    ['a .html that starts with { but is not JSON', 'chart.html', '{ this is not JSON <html></html>', /^starts like JSON but is not valid JSON \(.+\)$/],
    ['a truncated .json', 'bundle.json', '{ "resourceType": "Bundle", "entry": [', /^starts like JSON but is not valid JSON \(.+\)$/],
    ['a .json that is not JSON at all', 'bundle.json', '<html><body>hi</body></html>', /^is named \.json but is not JSON/],
    ['plain words', 'notes.txt', 'Patient seen today, doing well.\n', /^is not HTML, XML or JSON/],
    ['an empty file', 'chart.html', '  \n', /^is empty$/],
  ])('rejects %s', (_what, name, text, message) => {
    expect(() => fromText(text, name)).toThrow(UnreadableFileError);
    expect(() => fromText(text, name)).toThrow(message);
  });

  it('rejects binary bytes', async () => {
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 37) % 256);
    await expect(snapshotFromFile(file('scan.xml', bytes), NOW)).rejects.toThrow('is a binary file, not HTML, XML or JSON');
  });

  it('says a missing file does not exist', async () => {
    await expect(snapshotFromFile(join(dir, 'gone.html'), NOW)).rejects.toThrow(new UnreadableFileError('does not exist'));
  });

  it('reads a UTF-16 C-CDA with its byte-order mark', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><ClinicalDocument xmlns="urn:hl7-org:v3"><title>Discharge Summary</title></ClinicalDocument>';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const snapshot = await snapshotFromFile(file('utf16.xml', bytes), NOW);
    expect([snapshot.source.adapter, snapshot.source.title]).toEqual(['ccda', 'Discharge Summary']);
  });
});

describe('chartlint audit over several files', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports each unreadable file on one line and goes on with the next', async () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => errors.push(String(text)) > 0);
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => output.push(String(text)) > 0);
    const broken = file('broken.html', '{"resourceType": ');
    const good = file('good.xml', '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Progress Note</title></ClinicalDocument>');
    const code = await auditCommand([broken, good, '--format', 'json', '--jobs', '1']);
    expect(code).toBe(2);
    expect(errors[0]).toBe(`chartlint audit: ${broken}: starts like JSON but is not valid JSON (Unexpected end of JSON input)\n`);
    expect(errors.join('')).toMatch(/charts skipped \(unreadable\) +1\n/);
    const results = JSON.parse(output.join('')) as { file: string; adapter: string }[];
    expect(results.map((r) => [r.file, r.adapter])).toEqual([[good, 'ccda']]);
  });
});
