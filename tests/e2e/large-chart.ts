/**
 * A large generated chart page, as real EHR chart pages are (5,000–50,000 nodes): a banner, many
 * signed notes, a long results table, and one unsigned note near the end, then a few more signed
 * ones. Read only from its top, the unsigned note is missed. Generated, never committed; shared
 * by tests/e2e/large-page.test.ts and bench/panel-latency.bench.ts.
 */

/** The unsigned note's title: what the panel's finding names. */
export const UNSIGNED_TITLE = 'Cardiology Consultation';

const BANNER = '<div class="banner">Patient: DOE, JANE A · MRN: 00424242 · DOB: 01/02/1960 · Sex: F</div>'
  + '<div class="encounter">Admitted: 11/01/2026 08:00 · Attending: Lee, Pat, MD</div>';

/** About 24 elements and text nodes. */
function signedNote(i: number): string {
  const day = String((i % 27) + 1).padStart(2, '0');
  return `<article class="note"><h2>Progress Note</h2><p>Author: Pat Lee, MD · 11/${day}/2026 08:00</p>`
    + `<h3>Subjective</h3><p>Resting comfortably, no new complaints on day ${i}.</p>`
    + `<h3>Assessment</h3><p>Stable. <span>Pain 2/10.</span> <span>Ambulating.</span></p>`
    + '<ul><li>Continue current plan</li><li>Recheck labs in the morning</li></ul>'
    + `<p>Electronically signed by Pat Lee, MD on 11/${day}/2026 09:00</p></article>`;
}

/** About 9 nodes a row. */
function resultRow(i: number): string {
  const day = String((i % 27) + 1).padStart(2, '0');
  return `<tr><td>Glucose</td><td>${90 + (i % 20)} mg/dL</td><td>70–99</td><td>11/${day}/2026 06:00</td></tr>`;
}

const UNSIGNED_NOTE = `<article class="note"><h2>${UNSIGNED_TITLE}</h2><p>Author: Sam Ortiz, MD · 11/28/2026 14:00</p>`
  + '<h3>Reason for consultation</h3><p>New atrial fibrillation.</p><h3>Recommendations</h3><p>Start anticoagulation.</p>'
  + '<p>Pending signature</p></article>';

/** The page, with about `nodes` elements and text nodes. */
export function largeChartPage(nodes: number): string {
  const notes = Math.round((nodes * 0.55) / 24);
  const rows = Math.round((nodes * 0.45) / 9);
  const before = Array.from({ length: notes - 3 }, (_, i) => signedNote(i)).join('');
  const table = '<h2>Results</h2><table class="results"><thead><tr><th>Test</th><th>Result</th><th>Range</th><th>Time</th></tr></thead><tbody>'
    + Array.from({ length: rows }, (_, i) => resultRow(i)).join('') + '</tbody></table>';
  const after = [notes - 2, notes - 1].map(signedNote).join('');
  return `<!doctype html><html><head><title>Chart</title></head><body>${BANNER}<main>${before}${table}${UNSIGNED_NOTE}${after}</main></body></html>`;
}
