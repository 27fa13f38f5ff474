import type { ChartDocument } from '../../chart/snapshot.ts';
import { hoursApart, timedDocuments } from './chart-documents.ts';
import type { FactDefinition } from './fact.ts';

/** The H&P that counts for this admission and how far it lies from the admission time. */
export interface AdmissionHp {
  document: ChartDocument;
  /** Hours from admission to the H&P: negative when done before admission. */
  hoursAfterAdmission: number;
  /** Hours and days it was done before admission (0 when after). */
  hoursBeforeAdmission: number;
  daysBeforeAdmission: number;
}

/**
 * The admission's H&P: of the dated H&Ps, one inside the allowed window (30 days before to 24 h
 * after admission) if there is one, else the one closest to admission. Undefined when the chart
 * has no dated H&P or no admission time: then timing cannot be judged.
 */
export const admissionHp: FactDefinition = {
  id: 'admissionHp',
  description: "the admission's H&P and its distance from admission",
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot, settings }): AdmissionHp | undefined => {
    const admitted = snapshot.encounter?.admittedAt?.iso;
    if (!admitted) return undefined;
    // An H&P counts from when it was completed (42 CFR 482.22(c)(5): "completed and documented"):
    // its signature, else its own date; a date of service written back to admission does not make it timely.
    const candidates = timedDocuments(snapshot, ['history-and-physical']).flatMap(({ document, time }) => {
      const hours = hoursApart(admitted, document.signature.signedAt?.iso ?? time);
      return hours === undefined ? [] : [{ document, hours }];
    });
    const inWindow = (h: number) => h >= -settings.hpMaxDaysBeforeAdmission * 24 && h <= settings.hpMaxHoursAfterAdmission;
    const best = candidates.find((c) => inWindow(c.hours)) ?? [...candidates].sort((a, b) => Math.abs(a.hours) - Math.abs(b.hours))[0];
    if (!best) return undefined;
    const before = Math.max(0, -best.hours);
    return { document: best.document, hoursAfterAdmission: best.hours, hoursBeforeAdmission: before, daysBeforeAdmission: before / 24 };
  },
};
