// The lexicon (lexicon.ts, lexicon.json): every curated phrase and template expansion finds its
// code(s) through the compiled lexicon, each entry added for issue 12 with a sentence it codes,
// and a malformed entry reported with its file and line while the others load.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from '../../../../src/codes/code-format.ts';
import { formatProblem } from '../../../../src/codes/suggest/data-check.ts';
import { codesOf, expandTemplate, LEXICON_FILE, lexiconFor, lexiconProblems, loadLexiconEntries, templateProblem, termProblem } from '../../../../src/codes/suggest/lexicon.ts';
import lexiconJson from '../../../../src/codes/suggest/lexicon.json';
import { wordsOf } from '../../../../src/codes/suggest/tokens.ts';
import { chart, codesFor, full, table } from './chart.ts';

type Term = { code?: string; codes?: string[]; phrases: string[] };
const LEX = lexiconJson as unknown as { terms: Term[]; templates: Parameters<typeof expandTemplate>[0][] };
const billable = (c: string) => table.get(c)?.billable === true;

describe.skipIf(!full)('every curated entry finds its code', () => {
  const lexicon = lexiconFor(table);
  // A phrase shared by two entries keeps the later one (override), so each phrase is judged by the last entry that names it.
  const last = new Map<string, string>();
  for (const t of LEX.terms) for (const p of t.phrases) last.set(wordsOf(p).join(' '), (t.codes ?? [t.code!]).map(normalizeCode).join('+'));

  it.each(LEX.terms.map((t) => [(t.codes ?? [t.code]).join(' + '), t] as const))('%s', (_, term) => {
    const codes = (term.codes ?? [term.code!]).map(normalizeCode);
    if (!codes.every(billable)) return;
    for (const phrase of term.phrases) {
      const key = wordsOf(phrase).join(' ');
      expect(codesOf(lexicon.lookup(wordsOf(phrase)) ?? ''), phrase).toEqual(codesOf(last.get(key)!));
    }
  });

  it.each(LEX.templates.map((t, i) => [`template ${i}: ${t.phrases[0]} → ${t.code}`, t] as const))('%s', (_, template) => {
    const rows = expandTemplate(template).filter((r) => billable(normalizeCode(r.code)));
    expect(rows.length).toBeGreaterThan(0);
    for (const { phrase, code } of rows) {
      const got = lexicon.lookup(wordsOf(phrase));
      // A later template or a term may claim the same words with a more exact code; it must still be a code.
      expect(got, phrase).toBeDefined();
      if (!LEX.terms.some((t) => t.phrases.some((p) => wordsOf(p).join(' ') === wordsOf(phrase).join(' ')))) expect(codesOf(got!), phrase).toContain(normalizeCode(code));
    }
  });
});

// The entries added for issue 12 (reviewed abbreviation and synonym list, index-order wordings,
// tabular titles), each with a sentence of a chart and the codes it gives.
describe.skipIf(!full)('entries added for issue 12, each with a case', () => {
  it.each([
    ['Type 1 DM on insulin pump.', ['E10.9', 'Z96.41']],
    ['Type I DM, well controlled.', ['E10.9']],
    ['Atrial fibrillation - permanent, rate controlled.', ['I48.21']],
    ['Atrial fibrillation, persistent.', ['I48.19']],
    ['Atrial fibrillation, paroxysmal.', ['I48.0']],
    ['Atrial fibrillation, longstanding persistent.', ['I48.11']],
    ['Acute on chronic respiratory failure with hypoxia and hypercapnia.', ['J96.21', 'J96.22']],
    ['Acute respiratory failure with hypoxia and hypercapnia.', ['J96.01', 'J96.02']],
    ['Chronic hypoxic and hypercapnic respiratory failure.', ['J96.11', 'J96.12']],
    ["Alzheimer's dementia without behavioral disturbance.", ['G30.9', 'F02.80']],
    ["Alzheimer's dementia, late onset.", ['G30.1', 'F02.80']],
    ["Late onset Alzheimer's disease.", ['G30.1']],
    ['Anemia of CKD, on darbepoetin.', ['D63.1', 'N18.9']],
    ['Anemia of ESRD.', ['D63.1', 'N18.6']],
    ['PTSD, chronic.', ['F43.12']],
    ['Post-traumatic stress disorder.', ['F43.10']],
    ['Duodenal bulb ulcer, H. pylori positive.', ['K26.9', 'B96.81']],
    ['Bleeding duodenal ulcer.', ['K26.4']],
    ['Gastric ulcer.', ['K25.9']],
    ['Bronchopneumonia.', ['J18.0']],
    ['Melena for two days.', ['K92.1']],
    ['Hematemesis.', ['K92.0']],
    ['Prediabetes, A1c 6.1%.', ['R73.03'], 'outpatient'],
    ['Nicotine dependence.', ['F17.200']],
    ['Kidney stone, passed spontaneously.', ['N20.0']],
    ['Ureteral stone, 4 mm.', ['N20.1']],
    ['Left ureteral stone with moderate hydronephrosis.', ['N13.2']],
    ['Hydronephrosis, cause unknown.', ['N13.30']],
    ['Renal colic.', ['N23']],
    ['Ureteral calculus. Renal colic.', ['N20.1']],
    ['Snoring.', ['R06.83'], 'outpatient'],
    ['Viral gastroenteritis.', ['A08.4']],
    ["Crohn's disease of terminal ileum.", ['K50.00']],
    ["Crohn's disease, on adalimumab.", ['K50.90', 'Z79.620']],
    ['Tobacco dependence, cigarettes.', ['F17.210']],
    ['Tobacco use disorder - cigarettes, current.', ['F17.210']],
    ['Nicotine dependence - e-cigarettes.', ['F17.290']],
    ['Nicotine dependence, chewing tobacco.', ['F17.220']],
    ['Diabetic ketoacidosis.', ['E11.10']],
    ['DM2 w/ hyperglycemia.', ['E11.65']],
    ['DKA, type 1 DM.', ['E10.10']],
    ['T1DM with hypoglycemia.', ['E10.649']],
    ['Poorly controlled type 2 diabetes.', ['E11.65']],
    ['Pressure injury of sacrum, stage 4.', ['L89.154']],
    ['Stage 2 pressure ulcer of the right heel.', ['L89.612']],
    ['Left heel pressure injury, stage 3.', ['L89.623']],
    ['Unstageable pressure ulcer of the sacral region.', ['L89.150']],
    ['Left hemiparesis following cerebral infarction.', ['I69.354']],
    ['Dysarthria following stroke.', ['I69.322']],
    ['Neutropenia due to chemotherapy (FOLFOX), afebrile.', ['D70.1', 'T45.1X5A']],
    ['Chemotherapy-induced pancytopenia.', ['D61.810', 'T45.1X5A']],
    ['HIV-1 infection, asymptomatic - virally suppressed.', ['Z21'], 'outpatient'],
    ['HIV disease, on antiretroviral therapy.', ['B20']],
    ['Early satiety and bloating.', ['R68.81', 'R14.0'], 'outpatient'],
    ['Chronic hepatitis B, HBeAg-negative, HBV DNA suppressed.', ['B18.1']],
    ['Chronic hepatitis C, genotype 1a.', ['B18.2']],
    ['Cellulitis of right lower leg.', ['L03.115']],
    ['Left forearm cellulitis.', ['L03.114']],
    ['Acute DVT of the left popliteal vein.', ['I82.432']],
    ['Chronic deep vein thrombosis, right femoral vein.', ['I82.511']],
    ['Adenocarcinoma of the sigmoid colon.', ['C18.7']],
    ['Rectal cancer, on chemoradiation.', ['C20']],
    ['Metastatic disease to liver, biopsy-proven.', ['C78.7']],
    ['Bone metastases.', ['C79.51']],
    ['Mild nonproliferative diabetic retinopathy, both eyes, without macular edema.', ['E11.3293']],
    ['Cigar smoker.', ['F17.290']],
    ['Metastatic disease to liver, ER negative, HER2 negative.', ['C78.7']],
    ['Acute ischemic stroke, left MCA territory, cardioembolic.', ['I63.412']],
    ['Acute alcohol-induced pancreatitis, interstitial edematous.', ['K85.20']],
    ['Gallstone pancreatitis.', ['K85.10']],
    ['Cellulitis of right lower leg, wound culture MSSA.', ['L03.115', 'B95.61']],
    ['Chronic lymphedema, bilateral lower extremities.', ['I89.0']],
    ['Acquired absence of left great toe.', ['Z89.412']],
    ['Diabetic foot ulcer, right plantar forefoot.', ['E11.621']],
    ['Volume overload after two missed hemodialysis sessions.', ['Z91.158']],
    ['Left breast IDC, ER/PR positive, HER2 negative.', ['C50.912', 'Z17.411'], 'outpatient'],
    ['Invasive ductal carcinoma of the right breast, upper outer quadrant.', ['C50.411'], 'outpatient'],
    ['Breast cancer, triple negative.', ['C50.919', 'Z17.421'], 'outpatient'],
    ['Expressive aphasia.', ['R47.01'], 'outpatient'],
    ['Oropharyngeal dysphagia.', ['R13.12'], 'outpatient'],
    ['Right hemiparesis (right dominant) due to acute stroke.', ['G81.91', 'I63.9']],
    ['Closed displaced Colles fracture, right wrist.', ['S52.531A']],
    ['Closed displaced intertrochanteric fracture, left femur.', ['S72.142A']],
    ['Nondisplaced intertrochanteric fracture of the right femur.', ['S72.144A']],
  ])('%s → %j', (text, codes, kind = 'inpatient') => {
    expect(codesFor(chart([['Assessment', text]], kind)).sort()).toEqual([...codes].sort());
  });
});

describe('malformed lexicon entries', () => {
  it('the shipped lexicon.json has none', () => {
    const text = readFileSync(resolve(process.cwd(), LEXICON_FILE), 'utf8');
    expect(loadLexiconEntries(JSON.parse(text) as never, LEXICON_FILE, text).problems.map(formatProblem)).toEqual([]);
    expect(lexiconProblems()).toEqual([]);
  });

  it('a malformed term or template is reported with its file, line and entry; the others still load', () => {
    const raw = lexiconJson as unknown as { terms: unknown[]; templates: unknown[]; history: object };
    const broken = {
      terms: [raw.terms[0], { code: 'CHF code', phrases: ['chf'] }, raw.terms[1], { code: 'I10', phrases: [] }],
      templates: [raw.templates[0], { phrases: ['ckd {s}'], code: '{s}', slots: {} }],
      history: raw.history,
    };
    const text = JSON.stringify(broken, null, 1);
    const lines = text.split('\n');
    const { terms, templates, problems } = loadLexiconEntries(broken as never, 'lexicon.json', text);
    expect(terms).toEqual([raw.terms[0], raw.terms[1]]);
    expect(templates).toEqual([raw.templates[0]]);
    expect(problems.map(formatProblem)).toEqual([
      `lexicon.json:${lines.lastIndexOf('  {', lines.findIndex((l) => l.includes('"CHF code"'))) + 1}: "CHF code" is not an ICD-10-CM code (/terms/1)`,
      `lexicon.json:${lines.lastIndexOf('  {', lines.findIndex((l) => l.includes('"phrases": []'))) + 1}: "phrases" must be a list of phrases with words (/terms/3)`,
      `lexicon.json:${lines.lastIndexOf('  {', lines.findIndex((l) => l.includes('"ckd {s}"'))) + 1}: phrase slot "{s}" has no values (/templates/1)`,
    ]);
  });

  it.each([
    [{ phrases: ['x'] }, 'a term needs "code" or "codes" (not both)'],
    [{ code: 'I10', codes: ['I10'], phrases: ['x'] }, 'a term needs "code" or "codes" (not both)'],
    [{ codes: ['G30.9', 'dementia'], phrases: ['x'] }, '"dementia" is not an ICD-10-CM code'],
    [{ code: 'I10', phrases: ['...'] }, '"phrases" must be a list of phrases with words'],
  ])('term %j: %s', (entry, message) => {
    expect(termProblem(entry)).toBe(message);
  });

  it.each([
    [{ phrases: ['ckd {s}'], code: 'N18.{s}', slots: { s: { 3: 3 } } }, 'slot "s" must map words to code parts'],
    [{ phrases: ['ckd'], code: 'N18.{s}', slots: { t: { a: 'b' } } }, 'slot "t" is used by no phrase and not by the code'],
    [{ phrases: ['ckd {s}'], code: 'N18 9!', slots: { s: { a: 'b' } } }, '"code" "N18 9!" is not a code pattern'],
  ])('template %j: %s', (entry, message) => {
    expect(templateProblem(entry)).toBe(message);
  });
});

// Phrases from the tabular list itself: inclusion terms (inclusion-terms.json) and the titles'
// "other" readings, each weaker than any curated phrase or title.
describe.skipIf(!full)('inclusion terms and "other" titles', () => {
  it.each([
    ['Obesity hypoventilation syndrome (OHS).', ['E66.2']],
    ['Pickwickian syndrome.', ['E66.2']],
    ['Hashimoto thyroiditis - euthyroid on levothyroxine.', ['E06.3']],
    ["Hashimoto's thyroiditis.", ['E06.3']],
    ['Acute cor pulmonale.', ['I26.09']],
    ['Pulmonary embolism with acute cor pulmonale.', ['I26.09']],
    ['Lymphocytic thyroiditis.', ['E06.3']],
  ])('%s → %j', (text, codes) => {
    expect(codesFor(chart([['Assessment', text]], 'inpatient')).sort()).toEqual([...codes].sort());
  });
});
