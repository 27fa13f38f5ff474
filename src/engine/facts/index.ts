import { documentText } from './document-text.ts';
import { admissionToNow } from './admission-to-now.ts';
import { admissionHp } from './admission-hp.ts';
import { hpUpdate } from './hp-update.ts';
import { procedureInStay } from './procedure-in-stay.ts';
import { operativeReport } from './operative-report.ts';
import { consentBeforeProcedure } from './consent-before-procedure.ts';
import { anesthesiaPre } from './anesthesia-pre.ts';
import { anesthesiaPost } from './anesthesia-post.ts';
import { missingOperativeElements } from './missing-operative-elements.ts';
import { finalDiagnosisDocumented } from './final-diagnosis-documented.ts';
import { admittingDiagnosisDocumented } from './admitting-diagnosis-documented.ts';
import { authorRoleText } from './author-role-text.ts';
import { chart } from './chart.ts';
import { documentKinds } from './document-kinds.ts';
import { documentsPrintIdentifiers } from './documents-print-identifiers.ts';
import type { FactDefinition } from './fact.ts';
import { item } from './item.ts';
import { itemToNow } from './item-to-now.ts';
import { itemToSignature } from './item-to-signature.ts';
import { missingIdentifiers } from './missing-identifiers.ts';
import { now } from './now.ts';
import { settings } from './settings.ts';
import { wholeChart } from './whole-chart.ts';
import { diagnosisCodeStatus } from './diagnosis-code-status.ts';
import { seventhCharacter } from './seventh-character.ts';
import { principalDiagnosisEdits } from './principal-diagnosis-edits.ts';
import { excludes1Conflict } from './excludes1-conflict.ts';
import { mceAgeConflict } from './mce-age-conflict.ts';
import { mceSexConflict } from './mce-sex-conflict.ts';
import { mceUnspecifiedCode } from './mce-unspecified-code.ts';
import { codeFirstSequencing } from './code-first-sequencing.ts';
import { requiredAdditionalCode } from './required-additional-code.ts';
import { secondarySeverity } from './secondary-severity.ts';

/** Every fact a rule may name. */
export const FACT_LIST: FactDefinition[] = [
  item, chart, settings, now, wholeChart, documentKinds, documentsPrintIdentifiers,
  documentText, itemToSignature, itemToNow, authorRoleText, missingIdentifiers, missingOperativeElements,
  admissionToNow, admissionHp, hpUpdate, finalDiagnosisDocumented, admittingDiagnosisDocumented,
  procedureInStay, operativeReport, consentBeforeProcedure, anesthesiaPre, anesthesiaPost,
  // coding (read the active code table: src/codes/active-table.ts)
  diagnosisCodeStatus, seventhCharacter, principalDiagnosisEdits, excludes1Conflict, mceAgeConflict, mceSexConflict, secondarySeverity,
  codeFirstSequencing, requiredAdditionalCode,
  mceUnspecifiedCode,
];

export const FACTS: ReadonlyMap<string, FactDefinition> = new Map(FACT_LIST.map((f) => [f.id, f]));
