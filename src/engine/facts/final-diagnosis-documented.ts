import type { FactDefinition } from './fact.ts';

const LABEL = /\b(final|discharge|principal)\s+diagnos[ie]s\b/i;

/** Whether the chart states a final diagnosis: a final/principal diagnosis, a filled field, or a section. */
export const finalDiagnosisDocumented: FactDefinition = {
  id: 'finalDiagnosisDocumented',
  description: 'a final (discharge or principal) diagnosis is recorded somewhere in the chart',
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot }) =>
    snapshot.diagnoses.some((d) => d.role === 'final' || d.role === 'principal') ||
    snapshot.forms.some((f) => LABEL.test(f.label) && f.value.trim() !== '') ||
    snapshot.documents.some((d) => d.sections.some((s) => LABEL.test(s.title) && s.text.trim() !== '')),
};
