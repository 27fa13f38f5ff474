import { hoursApart } from './chart-documents.ts';
import type { ScopeItems } from '../rule.ts';
import type { FactDefinition } from './fact.ts';

/**
 * Whether the procedure was done during this stay (admission to discharge, or to now). A
 * procedure list also holds past surgical history, which needs no report in this chart.
 */
export const procedureInStay: FactDefinition = {
  id: 'procedureInStay',
  description: 'the procedure was performed during this admission',
  dependsOn: 'chart',
  scopes: ['procedure'],
  compute: ({ snapshot, item }) => {
    const performed = (item as ScopeItems['procedure']).date?.iso;
    const admitted = snapshot.encounter?.admittedAt?.iso;
    if (!performed || !admitted) return false;
    const end = snapshot.encounter?.dischargedAt?.iso ?? snapshot.source.extractedAt;
    const sinceAdmission = hoursApart(admitted, performed);
    const untilEnd = hoursApart(performed, end);
    return sinceAdmission !== undefined && untilEnd !== undefined && sinceAdmission >= 0 && untilEnd >= 0;
  },
};
