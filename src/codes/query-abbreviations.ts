/**
 * Clinical abbreviations users type into the code search, spelled out the way ICD-10-CM titles
 * say them (titles never say "COPD" or "CHF"). Only unambiguous, common ones: a wrong
 * expansion would hide the code a coder is looking for.
 */
const ABBREVIATIONS: Record<string, string> = {
  afib: 'atrial fibrillation',
  aki: 'acute kidney failure',
  cad: 'atherosclerotic heart disease',
  chf: 'heart failure',
  ckd: 'chronic kidney disease',
  copd: 'chronic obstructive pulmonary disease',
  cva: 'cerebral infarction',
  dm: 'diabetes mellitus',
  dvt: 'deep vein thrombosis',
  esrd: 'end stage renal disease',
  gerd: 'gastro esophageal reflux',
  htn: 'hypertension',
  mi: 'myocardial infarction',
  pe: 'pulmonary embolism',
  uti: 'urinary tract infection',
};

/** The query with known abbreviations replaced by the words of the titles. */
export function expandAbbreviations(query: string): string {
  return query.replace(/[A-Za-z]+/g, (word) => ABBREVIATIONS[word.toLowerCase()] ?? word);
}
