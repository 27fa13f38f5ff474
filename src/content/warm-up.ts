import { parseClinicalDate } from '../chart/dates.ts';
import { isDocumentTitle, kindFromTitle } from '../chart/document-kind.ts';
import { findCodeGrids } from '../chart/dom/code-grid.ts';
import { findCodedLines } from '../chart/dom/coded-lines.ts';
import { findDocuments } from '../chart/dom/document-blocks.ts';
import { readBannerEncounter } from '../chart/dom/encounter-banner.ts';
import { cleanLabel, splitRunOnLabels, splitSegments } from '../chart/dom/label-value.ts';
import { findListedDocuments } from '../chart/dom/listed-documents.ts';
import { findOrders, findProblems } from '../chart/dom/order-table.ts';
import { scanPage, type PageScan } from '../chart/dom/page-scan.ts';
import { repeatedBlocks } from '../chart/dom/repeated-blocks.ts';
import { looksLikeSignatureLine, parseSignatureLine } from '../chart/dom/signature-line.ts';
import { findTextOrders } from '../chart/dom/text-orders.ts';
import { extractFromDom } from '../chart/extract.ts';
import { parsePerson } from '../chart/person.ts';
import {
  CODE_COLUMNS, COSIGN_WORDINGS, CREDENTIALS, DEFICIENCY_TYPES, DOCUMENT_KINDS, DOCUMENT_LABELS, ENCOUNTER_KINDS, ENCOUNTER_LABELS,
  ORDER_COLUMNS, ORDER_KINDS, PATIENT_LABELS, SIGNATURE_STATUSES, SIGNATURE_WORDINGS, type Vocabulary,
} from '../chart/vocabulary.ts';
import type { SourceRef } from '../chart/snapshot.ts';
import type { Slices } from './slices.ts';

/**
 * The first read of a page costs 60–130 ms more than the next ones (measured in Chromium on the
 * corpus pages: 75–153 ms, then 10–36 ms): the browser compiles the vocabularies' regular
 * expressions on their first use, and the readers' functions on their first call. Done here
 * first, a few vocabularies per slice and then a small made-up chart growing slice by slice,
 * the first real read is as short as the next ones.
 */
const VOCABULARIES: readonly Vocabulary[] = [
  PATIENT_LABELS, ENCOUNTER_LABELS, ENCOUNTER_KINDS, DOCUMENT_KINDS, DOCUMENT_LABELS, SIGNATURE_STATUSES, SIGNATURE_WORDINGS,
  COSIGN_WORDINGS, ORDER_KINDS, ORDER_COLUMNS, CODE_COLUMNS, DEFICIENCY_TYPES, CREDENTIALS,
];

/**
 * A made-up chart, one part more per slice (banner, note, orders, codes, a form), so that
 * compiling the readers' code is spread over slices too: every reader runs once on it.
 */
const SAMPLES: readonly string[] = [
  '<p>Sample</p>',
  '<div>Patient: Sample, Pat · MRN: 000 · DOB: 01/01/1970 · Sex: F</div><div>Admitted: 11/19/2026 · Attending: Lee, Pat, MD</div>',
  '<article><h2>Progress Note</h2><p>Author: Lee, Pat, MD · 11/20/2026 08:00</p><h3>Assessment</h3><p>Stable.</p>'
    + '<p>Electronically signed by Pat Lee, MD on 11/20/2026 09:00</p></article><h2>Discharge Summary</h2><p>Pending signature</p>',
  '<table><thead><tr><th>Order</th><th>Type</th><th>Status</th><th>Ordered by</th><th>Date</th></tr></thead>'
    + '<tbody><tr><td>CBC</td><td>Verbal</td><td>Unsigned</td><td>Lee, Pat</td><td>11/20/2026 08:00</td></tr></tbody></table>',
  '<table><tr><th>Code</th><th>Description</th></tr><tr><td>I10</td><td>Essential hypertension</td></tr></table>'
    + '<ul><li>E11.9 Type 2 diabetes mellitus without complications</li></ul>',
  '<form><label>Discharge disposition <select required><option>Home</option></select></label><label>Notes <textarea></textarea></label></form>',
];

/** Where the helpers' samples say they were read: nowhere on the page. */
const SAMPLE_SOURCE: SourceRef = { selector: 'body', text: 'Sample' };

/** The shared helpers of the readers, on sample text: the dates, names, signatures and labels they parse. */
const HELPERS: readonly (() => unknown)[] = [
  () => [parseClinicalDate('11/20/2026 08:00'), parseClinicalDate('Nov 20, 2026 8:00 AM'), parseClinicalDate('2026-11-20T08:00')],
  () => parsePerson('Lee, Pat, MD', SAMPLE_SOURCE),
  () => looksLikeSignatureLine('Electronically signed by Pat Lee, MD on 11/20/2026 09:00'),
  () => parseSignatureLine('Electronically signed by Pat Lee, MD on 11/20/2026 09:00', SAMPLE_SOURCE),
  () => [isDocumentTitle('Progress Note'), kindFromTitle('Discharge Summary')],
  () => [splitSegments('Patient: Sample, Pat · MRN: 000'), splitRunOnLabels('Patient: Sample MRN: 000'), cleanLabel('Patient:')],
];

let warm: Promise<void> | undefined;

/** Warms the readers once per page, in slices. Never rejects. */
export function warmUp(slices: Slices): Promise<void> {
  warm ??= run(slices).catch((error: unknown) => {
    console.debug('chartlint: warming up the readers failed', error);
  });
  return warm;
}

async function run(slices: Slices): Promise<void> {
  for (const vocabulary of VOCABULARIES) {
    // Each pattern, then the one alternation of them all that `lookup` tries first. Each twice:
    // V8 runs a regular expression's first match in its interpreter and compiles it to machine
    // code on the second, a cost as large as the first.
    for (const entry of vocabulary.entries) {
      if (slices.due) await slices.yield('warm-up: vocabularies');
      entry.re.test('Sample');
      entry.re.test('Sample');
    }
    for (let i = 0; i < 2; i++) {
      await slices.yield('warm-up: vocabularies');
      vocabulary.lookup('Sample: text');
    }
  }
  await slices.yield('warm-up: vocabularies');
  // The helpers every reader calls, each in a slice of its own (twice, as above).
  for (const [i, helper] of HELPERS.entries()) {
    for (let n = 0; n < 2; n++) {
      try {
        helper();
      } catch {
        // A helper that fails on the sample still compiled what it ran.
      }
      await slices.yield(`warm-up: helper ${i + 1}`);
    }
  }
  // Parsed from constant markup of this file's own, never the page's, into an inert document.
  const parse = (markup: string) => new DOMParser().parseFromString(`<!doctype html><title>Chart</title><body>${markup}`, 'text/html');
  const document = parse(SAMPLES.join(''));
  await slices.yield('warm-up: parsing a sample chart');
  // The generic reader's steps one by one, each compiled in a slice of its own, then the whole.
  let scan: PageScan | undefined;
  const steps: ((scan: PageScan) => unknown)[] = [
    (s) => repeatedBlocks(s),
    (s) => findListedDocuments(s),
    (s) => findDocuments(s, []),
    (s) => findOrders(s),
    (s) => findTextOrders(s, () => false),
    (s) => findCodeGrids(s),
    (s) => findProblems(s),
    (s) => findCodedLines(s, () => false),
    (s) => readBannerEncounter(s, () => false),
  ];
  const all = [(): unknown => (scan = scanPage(document)), ...steps.map((step) => () => scan && step(scan))];
  for (const [i, step] of all.entries()) {
    try {
      step();
    } catch {
      // A step that fails on the sample still compiled what it ran.
    }
    await slices.yield(`warm-up: a sample chart, step ${i + 1}`);
  }
  let sample = '';
  for (const [i, part] of SAMPLES.entries()) {
    sample += part;
    extractFromDom({ document: parse(sample), url: 'about:blank', now: new Date().toISOString() });
    await slices.yield(`warm-up: a sample chart, read ${i + 1}`);
  }
}
