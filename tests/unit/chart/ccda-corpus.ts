import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { expect } from 'vitest';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';

/** The HL7 C-CDA corpus in ../shared (absent on machines without it: tests skip). */
export const CORPUS = resolve(process.cwd(), '../shared/corpora/ccda-hl7');
export const HAS_CORPUS = existsSync(`${CORPUS}/ccda-examples-index.tsv`);
export const NOW = '2026-11-24T12:00:00Z';

/** One row of ccda-examples-index.tsv, by column name. */
export type IndexRow = Record<string, string>;

/** The index rows of the whole ClinicalDocuments (30 in the corpus). */
export function fullDocuments(): IndexRow[] {
  const [head, ...lines] = readFileSync(`${CORPUS}/ccda-examples-index.tsv`, 'utf8').split('\n').filter(Boolean);
  const columns = head!.split('\t');
  return lines
    .map((line) => Object.fromEntries(line.split('\t').map((v, i) => [columns[i], v])) as IndexRow)
    .filter((row) => row.root_element === 'ClinicalDocument');
}

/** The file name the rendered/ folder and the golden fixtures use for a corpus path. */
export function fixtureName(path: string): string {
  return path.replace(/\.xml$/i, '').replace(/[^A-Za-z0-9.-]/g, '_');
}

/** Parses a corpus XML file as the content script would see it, and reads it. */
export function snapshotOfXml(path: string): { snapshot: ChartSnapshot; document: Document } {
  const window = new Window({ url: 'file:///ccda.xml' });
  const text = readFileSync(`${CORPUS}/ccda-examples/${path}`, 'utf8');
  const document = new window.DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
  return { snapshot: extractFromDom({ document, url: `file:///ccda-hl7/${encodeURI(path)}`, now: NOW }), document };
}

/** Loads a rendered HTML file into a page, and reads it. */
export function snapshotOfRendered(name: string): { snapshot: ChartSnapshot; document: Document } {
  const window = new Window({ url: `file:///ccda-hl7/rendered/${name}` });
  window.document.write(readFileSync(`${CORPUS}/rendered/${name}`, 'utf8'));
  const document = window.document as unknown as Document;
  return { snapshot: extractFromDom({ document, url: `file:///ccda-hl7/rendered/${name}`, now: NOW }), document };
}

/** Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
export function expectGolden(snapshot: unknown, golden: URL): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${JSON.stringify(snapshot, null, 2)}\n`);
  expect(JSON.parse(JSON.stringify(snapshot))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
}
