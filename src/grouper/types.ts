/**
 * The claim the grouper and the code editor read, and what they return. The field names and
 * enumeration values are those of the CMS MS-DRG grouper and MCE output (as written in
 * ../shared/codesets/msdrg-oracle-dev/expected.jsonl), so a result can be compared with the
 * official software line by line.
 */

/** A diagnosis on the claim: ICD-10-CM code without the dot, and its present-on-admission flag. */
export interface ClaimDiagnosis {
  code: string;
  /** Y, N, U, W, 1, E, '' (blank) or anything else (invalid). */
  poa?: string;
}

/** One inpatient claim, as in claims.jsonl. */
export interface Claim {
  id: string;
  /** Age in years at admission (0 = newborn). */
  age: number;
  /** M, F, U (unknown) or any other value (invalid). */
  sex: string;
  /** UB-04 patient discharge status, two digits. */
  dischargeStatus: string;
  /** ISO dates. */
  admitDate: string;
  dischargeDate: string;
  pdx: ClaimDiagnosis;
  sdx: ClaimDiagnosis[];
  /** ICD-10-PCS codes in claim order. */
  procedures: string[];
  admitDx?: string;
}

export type ReturnCode =
  | 'OK'
  | 'DX_CANNOT_BE_PDX'
  | 'INVALID_SEX'
  | 'INVALID_DISCHARGE_STATUS'
  | 'INVALID_PDX'
  | 'HAC_MISSING_ONE_POA'
  | 'UNGROUPABLE';

/**
 * CMS grouper return-code numbers (MS-DRG Definitions Manual, "Grouper return codes"; the
 * values the CMS software reports). UNGROUPABLE, "record does not meet the criteria for any
 * DRG", is the fallback when no table row holds; the v43.1 tables always reach one.
 */
export const RETURN_CODE_VALUE: Readonly<Record<ReturnCode, number>> = {
  OK: 0,
  DX_CANNOT_BE_PDX: 1,
  INVALID_SEX: 4,
  INVALID_DISCHARGE_STATUS: 5,
  INVALID_PDX: 7,
  HAC_MISSING_ONE_POA: 9,
  UNGROUPABLE: 2,
};

/** Severity the DRG used: CMS "final DRG SDX CC/MCC" flag (its NON_CC written NONE). */
export type DrgSeverity = 'MCC' | 'CC' | 'NONE';
/** Highest severity among the counted secondaries; NONE only when the claim is ungroupable. */
export type SdxSeverity = 'MCC' | 'CC' | 'NON_CC' | 'NONE';
export type MedSurg = 'MEDICAL' | 'SURGICAL' | 'NONE';
export type SdxUsage =
  | 'MCC'
  | 'CC'
  | 'MCC_EXCLUDED'
  | 'CC_EXCLUDED'
  | 'MCC_EXCLUDED_BY_DRG_LOGIC'
  | 'CC_EXCLUDED_BY_DRG_LOGIC'
  | 'NEITHER';
export type AffectsDrg = 'INITIAL' | 'FINAL' | 'BOTH' | 'NONE';
export type PoaError = 'POA_NOT_CHECKED' | 'POA_RECOGNIZED_YES_POA' | 'POA_RECOGNIZED_NOT_POA' | 'POA_NOT_RECOGNIZED';
export type HacCriterion = 'HAC_CRITERIA_MET' | 'HAC_CRITERIA_NOT_MET' | 'HAC_NOT_APPLICABLE_EXCLUSION';
export type HacStatus = 'NOT_APPLICABLE' | 'FINAL_DRG_NO_CHANGE' | 'FINAL_DRG_CHANGES' | 'FINAL_DRG_UNGROUPABLE';

export interface SdxResult {
  code: string;
  recognized: boolean;
  severity: SdxUsage;
  initialSeverity: SdxUsage;
  affectsDrg: AffectsDrg;
  poaError: PoaError;
  /** Only for codes on a HAC list. */
  hacs?: { hac: number; status: HacCriterion }[];
}

export interface ProcedureResult {
  code: string;
  recognized: boolean;
  /** Operating-room procedure. */
  or: boolean;
  affectsDrg: AffectsDrg;
  hacUsage?: string[];
}

export type MceRole = 'pdx' | 'sdx' | 'proc' | 'admit';

export interface MceEdit {
  edit: string;
  count: number;
  codes: { code: string; role: MceRole }[];
}

export interface MceResult {
  version: number;
  editType: 'NONE' | 'PREPAYMENT';
  edits: MceEdit[];
}

/** Everything the grouper and the MCE say about one claim. */
export interface GroupResult {
  id: string;
  drg: number;
  drgTitle: string;
  mdc: number;
  returnCode: ReturnCode;
  returnCodeValue: number;
  severity: DrgSeverity;
  medSurg: MedSurg;
  sdxSeverity: SdxSeverity;
  initialDrg: number;
  initialMdc: number;
  initialReturnCode: ReturnCode;
  initialSeverity: DrgSeverity;
  hacStatus: HacStatus;
  hacCount: number;
  pdx: { code: string; recognized: boolean; affectsDrg: AffectsDrg };
  sdx: SdxResult[];
  procedures: ProcedureResult[];
  mce: MceResult;
}
