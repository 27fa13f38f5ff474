import type { Encounter } from '../snapshot.ts';
import { readPerson } from './names.ts';
import { endOf, startOf } from './time.ts';
import { at, attr, kid, kids } from './xml.ts';

/** HL7 ActEncounterCode (2.16.840.1.113883.5.4) values to encounter kinds. */
const ACT_CODES: Record<string, Encounter['kind']> = {
  IMP: 'inpatient', ACUTE: 'inpatient', NONAC: 'inpatient', AMB: 'outpatient', EMER: 'emergency', OBSENC: 'observation',
};

/** CPT evaluation-and-management ranges that say where the patient was seen. */
const CPT_RANGES: [number, number, Encounter['kind']][] = [
  [99202, 99215, 'outpatient'],
  [99217, 99220, 'observation'],
  [99221, 99239, 'inpatient'],
  [99281, 99285, 'emergency'],
];

/**
 * The encounter from componentOf/encompassingEncounter: kind from its code (ActCode, a CPT
 * E/M code, or the words of its displayName), admission and discharge from effectiveTime
 * low/high, attending from an ATND encounterParticipant or else the responsibleParty.
 */
export function readEncounter(doc: Element): Encounter | undefined {
  const enc = at(doc, 'componentOf', 'encompassingEncounter');
  if (!enc) return undefined;
  const encounter: Encounter = {};
  const kind = encounterKind(kid(enc, 'code'));
  if (kind) encounter.kind = kind;
  const time = kid(enc, 'effectiveTime');
  const admitted = startOf(time);
  if (admitted) encounter.admittedAt = admitted;
  const discharged = endOf(time);
  if (discharged) encounter.dischargedAt = discharged;
  const attendingEl = kids(enc, 'encounterParticipant').find((p) => attr(p, 'typeCode') === 'ATND');
  const attending =
    readPerson(kid(attendingEl, 'assignedEntity')) ?? readPerson(at(enc, 'responsibleParty', 'assignedEntity'));
  if (attending) encounter.attending = attending;
  return encounter;
}

function encounterKind(code: Element | undefined): Encounter['kind'] | undefined {
  const value = attr(code, 'code');
  const system = attr(code, 'codeSystem');
  if (value && system === '2.16.840.1.113883.5.4' && ACT_CODES[value]) return ACT_CODES[value];
  if (value && system === '2.16.840.1.113883.6.12' && /^\d{5}$/.test(value)) {
    const n = Number(value);
    const range = CPT_RANGES.find(([low, high]) => n >= low && n <= high);
    if (range) return range[2];
  }
  return encounterKindFromWords(attr(code, 'displayName') ?? '');
}

/** The encounter kind an encounter type's words name ("Inpatient", "Office or other outpatient visit"). */
export function encounterKindFromWords(words: string): Encounter['kind'] | undefined {
  if (/\binpatient\b/i.test(words)) return 'inpatient';
  if (/\bemergency\b/i.test(words)) return 'emergency';
  if (/\bobservation\b/i.test(words)) return 'observation';
  if (/\b(outpatient|office|ambulatory)\b/i.test(words)) return 'outpatient';
  return undefined;
}
