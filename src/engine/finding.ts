import type { Code, SourceRef } from '../chart/snapshot.ts';

export type FindingCategory = 'authentication' | 'completeness' | 'coding' | 'documentation';
/** error blocks submission by default; warning and info do not. */
export type Severity = 'error' | 'warning' | 'info';

export interface SuggestedCode extends Code {
  action: 'add' | 'replace' | 'remove' | 'review';
  /** MS-DRG designation of the code as a secondary diagnosis (CC or MCC), when it has one. */
  severityLevel?: 'CC' | 'MCC';
  /** The principal diagnosis (dotted code) whose PDX exclusion cancels that CC/MCC, if any. */
  excludedByPrincipal?: string;
}

/** One condition of the rule that held (or not), with the value the engine saw. */
export interface ExplanationStep {
  fact: string;
  path?: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  result: boolean;
}

/**
 * A finding, shaped after a CDS Hooks card: what is wrong, where, under which rule and
 * regulation, and what to do about it.
 */
export interface Finding {
  rule: string;
  pack: string;
  category: FindingCategory;
  severity: Severity;
  message: string;
  detail?: string;
  /**
   * A documentation query draft for the provider (AHIMA/ACDIS compliant, non-leading), kept apart
   * from `detail` so the panel can show it as the text to send and copy it whole.
   */
  query?: string;
  citation: string;
  evidence: SourceRef[];
  codes: SuggestedCode[];
  explanation: ExplanationStep[];
  /** The scoped item the rule ran on (a document id, diagnosis id, ...) or 'chart'. */
  subject: string;
  /** Stable across reloads of the same chart: rule + subject + identifying evidence. */
  fingerprint: string;
}
