/**
 * Hostile pages, generated (never committed as large files): shared by
 * tests/unit/chart/hostile-pages.test.ts and bench/reading.bench.ts. Each is a plausible chart
 * banner and note wrapped around one pathology, so a reader that survives it still has
 * something to find.
 */

export interface HostilePage {
  name: string;
  html: () => string;
  /**
   * Set when happy-dom's own parser takes far longer than the reader's budget on the full-size
   * page (issue 15): such pages are measured in the bench, in a child process with a deadline,
   * and not parsed in `npm test`.
   */
  parserTrouble?: string;
}

const BANNER = '<div class="banner">Patient: DOE, JANE A · MRN: 00424242 · DOB: 01/02/1960 · Sex: F</div>';
const NOTE = '<h2>Progress Note</h2><p>Assessment: stable.</p><p>Electronically signed by Pat Lee, MD on 11/20/2026 09:00</p>';

const page = (body: string) => `<!doctype html><html><head><title>Chart</title></head><body>${BANNER}${body}</body></html>`;

/** A results table with a header row: 30 nodes, so 5,000 of them exceed the node budget. */
const RESULTS_TABLE = '<table><thead><tr><th>Test</th><th>Result</th><th>Time</th></tr></thead><tbody>'
  + '<tr><td>Glucose</td><td>98 mg/dL</td><td>11/20/2026 06:00</td></tr>'.repeat(3) + '</tbody></table>';

export const HOSTILE_PAGES: readonly HostilePage[] = [
  { name: 'nested-10000', html: () => page(`${'<div>'.repeat(10_000)}${NOTE}${'</div>'.repeat(10_000)}`) },
  { name: 'text-node-2mb', html: () => page(`<h2>Progress Note</h2><p>${'Patient resting comfortably. '.repeat(70_000)}</p>${NOTE}`) },
  { name: 'tables-5000', html: () => page(NOTE + RESULTS_TABLE.repeat(5_000)) },
  { name: 'spans-100000', html: () => page(NOTE + '<span>a</span>'.repeat(100_000)) },
  {
    name: 'select-50000-options',
    html: () => page(`${NOTE}<label for="dx">Diagnosis</label><select id="dx">${'<option>I50.23 Acute on chronic systolic heart failure</option>'.repeat(50_000)}</select>`),
    parserTrouble: 'happy-dom 21 inserts options in time that grows faster than quadratically (4,000 options: ~18 s; 8,000: ~100 s), whether parsed or appended',
  },
  {
    name: 'attribute-3mb-of-gt',
    html: () => page(`<div title="${'>'.repeat(3_000_000)}">${NOTE}</div>`),
    parserTrouble: 'happy-dom 21 parses a run of ">" inside an attribute value in quadratic time (160,000: ~4 s)',
  },
  {
    name: 'invalid-dates',
    html: () => `<!doctype html><body><div>Patient: ROE, JOHN · MRN: 77 · DOB: 02/30/2026</div><div>Admitted: 13/45/2026 25:61 · Discharged: 2026-02-30T25:61</div>`
      + '<h2>Progress Note</h2><p>Date of service: 31-Feb-2026 2561</p><p>Electronically signed by Pat Lee, MD on 00/00/0000 99:99</p>'
      + '<h2>Consultation</h2><p>Signed: 02/29/2025 24:00 by A B, DO</p><p>Co-signed by C D, MD on 04/31/2026</p></body>',
  },
  {
    name: 'rtl-zero-width-names',
    html: () => '<!doctype html><body><div>Patient: \u202eDOE\u202c\u200b, JA\u200dNE\u2060 · MRN: 00\u200b42\ufeff42 · DOB: 01/\u200b02/1960</div>'
      + '<div>Attending: \u05d3\u05d5\u05d3 \u05dc\u05d5\u05d9, MD</div>'
      + '<h2>Progress\u200b Note</h2><p>Assessment: stable.</p>'
      + '<p>Electronically signed by \u202bPat\u202c Le\u0301\u0301e\u200f, MD on 11/20/2026 09:00</p>'
      + '<h2>Consultation</h2><p>Signed by \u0627\u0644\u0645\u0631\u064a\u0636 \u200e, MD on 11/21/2026 10:00</p></body>',
  },
];

export function hostilePage(name: string): HostilePage {
  const found = HOSTILE_PAGES.find((p) => p.name === name);
  if (!found) throw new Error(`No hostile page named ${name}`);
  return found;
}
