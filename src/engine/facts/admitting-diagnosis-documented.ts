import type { FactDefinition } from './fact.ts';

const LABEL = /\b(admitting|admission)\s+diagnos[ie]s\b|\breason for admission\b/i;

/** Whether the chart states why the patient was admitted: encounter, diagnosis list, field or section. */
export const admittingDiagnosisDocumented: FactDefinition = {
  id: 'admittingDiagnosisDocumented',
  description: 'an admitting diagnosis is recorded somewhere in the chart',
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot }) =>
    Boolean(snapshot.encounter?.admittingDiagnosis?.value.trim()) ||
    snapshot.diagnoses.some((d) => d.role === 'admitting') ||
    snapshot.forms.some((f) => LABEL.test(f.label) && f.value.trim() !== '') ||
    snapshot.documents.some((d) => d.sections.some((s) => LABEL.test(s.title) && s.text.trim() !== '')),
};
