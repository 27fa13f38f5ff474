/**
 * The hostile pages of issue 15 and a 50,000-node chart, generated here (never committed):
 * each is a shape a real EHR page can take, pushed to where a DOM's parser breaks.
 */
export const HOSTILE_PAGES = ['chart-50k-nodes', 'select-50k-options', 'attribute-3mb', 'spans-100k', 'tables-5k'] as const;
export type HostilePage = (typeof HOSTILE_PAGES)[number];

const BANNER = '<!doctype html><html><head><title>Chart</title></head><body><div>Patient: Doe, Jane · MRN: 123456 · DOB: 01/02/1960</div>';

export function hostilePage(name: string): string {
  return `${BANNER}${body(name as HostilePage)}</body></html>`;
}

function body(name: HostilePage): string {
  switch (name) {
    case 'chart-50k-nodes': {
      const notes = Array.from({ length: 800 }, (_, i) => `<article id="n${i}"><h3>Progress Note</h3><p>Author: Pat Lee, MD · 11/${(i % 28) + 1}/2026 08:00</p>` +
        `<h4>Assessment</h4><p>Stable. ${'Continue current plan. '.repeat(3)}</p><footer>Electronically signed by Pat Lee, MD on 11/${(i % 28) + 1}/2026 09:00</footer></article>`);
      const rows = Array.from({ length: 6000 }, (_, i) => `<tr><td>Glucose ${i}</td><td>${90 + (i % 40)} mg/dL</td><td>11/20/2026 0${i % 10}:00</td></tr>`);
      return `<main>${notes.join('')}<h2>Results</h2><table>${rows.join('')}</table></main>`;
    }
    case 'select-50k-options':
      return `<form><label>Diagnosis <select name="dx">${Array.from({ length: 50_000 }, (_, i) => `<option value="${i}">Option ${i}</option>`).join('')}</select></label></form>`;
    case 'attribute-3mb':
      return `<div data-x="${'>'.repeat(3 * 1024 * 1024)}">Progress Note</div>`;
    case 'spans-100k':
      return `<main>${Array.from({ length: 100_000 }, (_, i) => `<span>word ${i}</span>`).join('')}</main>`;
    case 'tables-5k':
      return `<main>${Array.from({ length: 5000 }, (_, i) => `<table><tr><th>Test</th><th>Result</th></tr><tr><td>Na ${i}</td><td>140</td></tr></table>`).join('')}</main>`;
  }
}
