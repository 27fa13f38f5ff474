import { parseClinicalDate } from '../dates.ts';
import type { Encounter } from '../snapshot.ts';
import { arr, fieldAt, obj, step, str } from './json.ts';
import { personAt } from './people.ts';
import type { Located, ResourceIndex } from './resources.ts';

/** v3 ActCode encounter classes to kinds. */
const CLASSES: Record<string, Encounter['kind']> = {
  IMP: 'inpatient', ACUTE: 'inpatient', NONAC: 'inpatient', AMB: 'outpatient', EMER: 'emergency', OBSENC: 'observation',
};

/** The Encounter: class → kind, period start/end, the ATND participant as attending. */
export function readFhirEncounter(located: Located, index: ResourceIndex): Encounter {
  const { resource, pointer } = located;
  const encounter: Encounter = {};
  const cls = str(obj(resource.class)?.code);
  if (cls) encounter.kind = CLASSES[cls] ?? cls;
  const period = obj(resource.period);
  const admitted = fieldAt(period, 'start', step(pointer, 'period'), parseClinicalDate);
  if (admitted) encounter.admittedAt = admitted;
  const discharged = fieldAt(period, 'end', step(pointer, 'period'), parseClinicalDate);
  if (discharged) encounter.dischargedAt = discharged;
  arr(resource.participant).forEach((participant, i) => {
    const p = obj(participant);
    const attending = arr(p?.type).some((t) => arr(obj(t)?.coding).some((c) => obj(c)?.code === 'ATND'));
    if (!attending || encounter.attending) return;
    const person = personAt(p?.individual, step(step(step(pointer, 'participant'), i), 'individual'), index, 'attending');
    if (person) encounter.attending = person;
  });
  return encounter;
}

/**
 * Roles the Encounters give their diagnoses (Encounter.diagnosis.use: AD admitting, DD
 * discharge → final, CC chief complaint; billing rank 1 → principal), by the pointer of the
 * Condition they reference.
 */
export function diagnosisRoles(encounters: Located[], index: ResourceIndex): Map<string, string> {
  const roles = new Map<string, string>();
  for (const { resource } of encounters) {
    for (const d of arr(resource.diagnosis)) {
      const condition = index.resolve(obj(d)?.condition);
      const use = arr(obj(obj(d)?.use)?.coding).map((c) => str(obj(c)?.code)).find(Boolean);
      if (!condition) continue;
      const role = use === 'AD' ? 'admitting' : use === 'DD' ? 'final' : use === 'CC' ? 'chief-complaint'
        : use === 'billing' && obj(d)?.rank === 1 ? 'principal' : undefined;
      if (role) roles.set(condition.pointer, role);
    }
  }
  return roles;
}
