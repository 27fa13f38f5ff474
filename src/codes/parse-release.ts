/**
 * One entry point for every importer: parse a release file of a given kind into a payload
 * plus what the options page shows about it (fiscal year, dates, version, counts).
 */
import { importHcpcs } from './hcpcs.ts';
import { importIcd10cmTabularXml } from './icd10cm-tabular-xml.ts';
import { importOrderFile } from './icd10cm-order-file.ts';
import { importIcd10pcs } from './icd10pcs.ts';
import { CodeSetImportError, type ProgressCallback, type ReleaseInput } from './import-progress.ts';
import { importMce } from './mce.ts';
import { importMsDrg } from './msdrg.ts';

export type ReleaseKind = 'icd10cm' | 'icd10cm-tabular' | 'icd10pcs' | 'hcpcs' | 'mce' | 'msdrg';

export interface ParsedRelease {
  fiscalYear: number;
  effectiveFrom: string;
  effectiveTo: string;
  version?: string;
  counts: Record<string, number>;
  payload: Record<string, unknown>;
}

/** US federal fiscal year: FY2027 runs from 1 October 2026 to 30 September 2027. */
export function fiscalYearDates(fiscalYear: number): { effectiveFrom: string; effectiveTo: string } {
  return { effectiveFrom: `${fiscalYear - 1}-10-01`, effectiveTo: `${fiscalYear}-09-30` };
}

/**
 * Parses a file of the given kind. Code lists state no fiscal year, so `fiscalYear` is required
 * for icd10cm, icd10pcs and hcpcs; the other kinds say theirs.
 */
export function parseRelease(kind: ReleaseKind, input: ReleaseInput, fiscalYear?: number, onProgress?: ProgressCallback): ParsedRelease {
  const needYear = (): number => {
    if (fiscalYear === undefined) throw new CodeSetImportError(kind, 'choose the fiscal year of this code list');
    return fiscalYear;
  };
  switch (kind) {
    case 'icd10cm':
    case 'icd10pcs':
    case 'hcpcs': {
      const entries =
        kind === 'icd10cm' ? importOrderFile(input, onProgress).entries : kind === 'icd10pcs' ? importIcd10pcs(input, onProgress).entries : importHcpcs(input, onProgress).entries;
      const year = needYear();
      const billable = entries.filter((e) => e.billable).length;
      return { fiscalYear: year, ...fiscalYearDates(year), counts: { codes: entries.length, billable }, payload: { entries } };
    }
    case 'icd10cm-tabular': {
      const tabular = importIcd10cmTabularXml(input, onProgress);
      const counts = { nodes: tabular.nodes.length, ranges: tabular.ranges.length };
      return { fiscalYear: tabular.fiscalYear, ...fiscalYearDates(tabular.fiscalYear), counts, payload: { ...tabular } };
    }
    case 'mce': {
      const mce = importMce(input, onProgress);
      const counts = { dx: mce.dx.length, sg: mce.sg.length };
      return { fiscalYear: mce.fiscalYear, ...fiscalYearDates(mce.fiscalYear), version: mce.version, counts, payload: { ...mce } };
    }
    case 'msdrg': {
      const drg = importMsDrg(input, onProgress);
      const counts = { dx: drg.dx.length, pdxCollections: drg.pdxCollections.length };
      return { fiscalYear: drg.fiscalYear, ...fiscalYearDates(drg.fiscalYear), version: drg.version, counts, payload: { ...drg } };
    }
  }
}
