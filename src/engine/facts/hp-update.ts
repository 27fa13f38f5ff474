import { hoursApart, timedDocuments } from './chart-documents.ts';
import type { AdmissionHp } from './admission-hp.ts';
import type { FactDefinition } from './fact.ts';

/**
 * The H&P update note that counts: written after the H&P and no later than the allowed hours
 * after admission. Undefined when there is none (or nothing to update).
 */
export const hpUpdate: FactDefinition = {
  id: 'hpUpdate',
  description: 'the H&P update note written between the H&P and the update deadline',
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot, settings, fact }) => {
    const hp = fact('admissionHp') as AdmissionHp | undefined;
    const admitted = snapshot.encounter?.admittedAt?.iso;
    const hpTime = hp?.document.createdAt?.iso ?? hp?.document.signature.signedAt?.iso;
    if (!hp || !admitted || !hpTime) return undefined;
    return timedDocuments(snapshot, ['hp-update']).find(({ time }) => {
      const afterHp = hoursApart(hpTime, time);
      const afterAdmission = hoursApart(admitted, time);
      return afterHp !== undefined && afterAdmission !== undefined && afterHp >= 0 && afterAdmission <= settings.hpUpdateWithinHours;
    })?.document;
  },
};
