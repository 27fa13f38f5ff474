import type { DiagnosisRole } from '../snapshot.ts';
import { templatesOf } from './xml.ts';

const T = '2.16.840.1.113883.10.20.22';

/**
 * Which list a problem observation stands on, from the nearest enclosing entry or section
 * template: admission diagnosis → admitting, discharge diagnosis → final, problem concern →
 * problem; the C-CDA lists without a DiagnosisRole keep descriptive names.
 */
const ROLE_BY_TEMPLATE: Record<string, DiagnosisRole | (string & {})> = {
  [`${T}.4.34`]: 'admitting',
  [`${T}.2.43`]: 'admitting',
  [`${T}.4.33`]: 'final',
  [`${T}.2.24`]: 'final',
  [`${T}.4.80`]: 'encounter',
  [`${T}.4.65`]: 'preoperative',
  [`${T}.2.34`]: 'preoperative',
  [`${T}.2.35`]: 'postoperative',
  [`${T}.4.51`]: 'postprocedure',
  [`${T}.2.36`]: 'postprocedure',
  [`${T}.4.3`]: 'problem',
  [`${T}.2.5`]: 'problem',
  [`${T}.2.5.1`]: 'problem',
  [`${T}.4.132`]: 'health-concern',
  [`${T}.2.20`]: 'history',
  [`${T}.4.19`]: 'indication',
  [`${T}.2.14`]: 'functional-status',
  [`${T}.2.28`]: 'finding',
  [`${T}.2.37`]: 'complication',
  [`${T}.2.58`]: 'health-concern',
  [`${T}.2.29`]: 'indication',
  [`${T}.4.136`]: 'risk-concern',
};

/** The role of the diagnosis at `el` (an Indication names its own), or 'other' when no enclosing template names one. */
export function diagnosisRole(el: Element): DiagnosisRole | (string & {}) {
  for (let node: Element | null = el; node; node = node.parentElement) {
    for (const root of templatesOf(node)) {
      const role = ROLE_BY_TEMPLATE[root];
      if (role) return role;
    }
  }
  return 'other';
}
