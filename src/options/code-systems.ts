import type { ReleaseSystem } from '../storage/db.ts';

/** What the options page says about each kind of release file. */
export interface CodeSystemInfo {
  system: ReleaseSystem;
  label: string;
  /** Which official file to pick. */
  file: string;
  /** Code lists do not state their fiscal year; the user gives it. */
  needsYear: boolean;
}

export const CODE_SYSTEMS: readonly CodeSystemInfo[] = [
  { system: 'icd10cm', label: 'ICD-10-CM codes (order file)', file: 'icd10cm-order-YYYY.txt (or .txt.gz) from the CDC/CMS release', needsYear: true },
  { system: 'icd10cm-tabular', label: 'ICD-10-CM tabular (instructional notes)', file: 'icd10cm_tabular_YYYY.xml from the CDC release', needsYear: false },
  { system: 'icd10pcs', label: 'ICD-10-PCS codes', file: 'the ICD-10-PCS order file or code list (.txt, .tsv, .gz)', needsYear: true },
  { system: 'hcpcs', label: 'HCPCS Level II codes', file: 'the HCPCS Level II code list (one code per line, or TSV with descriptions)', needsYear: true },
  { system: 'mce', label: 'Medicare Code Editor (MCE) edits', file: 'mce-vNN.N.json (decoded MCE tables)', needsYear: false },
  { system: 'msdrg', label: 'MS-DRG attributes (MDC, CC/MCC, PDX exclusions)', file: 'msdrg-vNN.N.json (decoded MS-DRG tables)', needsYear: false },
];

/** The label of a system, for lists. */
export function systemLabel(system: ReleaseSystem): string {
  return CODE_SYSTEMS.find((info) => info.system === system)?.label ?? system;
}

/** The fiscal year whose codes apply today: FY N runs from 1 October of N-1. */
export function currentFiscalYear(now = new Date()): number {
  return now.getUTCMonth() >= 9 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}
