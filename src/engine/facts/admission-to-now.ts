import { interval } from '../interval.ts';
import type { FactDefinition } from './fact.ts';

/** From admission to when the chart was read: whether something due "within 24 h" is overdue yet. */
export const admissionToNow: FactDefinition = {
  id: 'admissionToNow',
  description: 'from admission to now (hours)',
  dependsOn: 'chart',
  perChart: true,
  compute: ({ snapshot }) => interval(snapshot.encounter?.admittedAt?.iso, snapshot.source.extractedAt),
};
