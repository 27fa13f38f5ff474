import { readConditions } from '../fhir/conditions.ts';
import { readComposition, readDocumentReference, type DocumentContext } from '../fhir/documents.ts';
import { diagnosisRoles, readFhirEncounter } from '../fhir/encounter.ts';
import { obj, str } from '../fhir/json.ts';
import { readFhirOrders } from '../fhir/orders.ts';
import { readFhirPatient } from '../fhir/patient.ts';
import { readFhirProcedures } from '../fhir/procedures.ts';
import { provenanceSignatures } from '../fhir/provenance.ts';
import { ResourceIndex } from '../fhir/resources.ts';
import { emptySnapshot, type ChartSnapshot } from '../snapshot.ts';

/**
 * A FHIR R4 Bundle, or a single resource, as a ChartSnapshot: Patient, Encounter,
 * Composition / DocumentReference (with attesters, authenticator, status and Provenance
 * signatures), Condition, Procedure, ServiceRequest / MedicationRequest. Every value's
 * SourceRef is its JSON pointer. Never throws: what it cannot read becomes a warning.
 */
export function extractFromFhir(json: unknown, url: string, now: string): ChartSnapshot {
  const snapshot = emptySnapshot('fhir', now);
  snapshot.source.url = url;
  const root = obj(json);
  if (!root || !str(root.resourceType)) {
    snapshot.warnings.push('This JSON is not a FHIR resource (no resourceType).');
    return snapshot;
  }
  try {
    read(root, snapshot);
  } catch (error) {
    snapshot.warnings.push(`The FHIR input could not be read completely: ${error instanceof Error ? error.message : String(error)}`);
  }
  return snapshot;
}

function read(root: Record<string, unknown>, snapshot: ChartSnapshot): void {
  const index = new ResourceIndex(root);
  const patients = index.ofType('Patient');
  if (patients.length > 1) snapshot.warnings.push(`The input holds ${patients.length} Patients; only the first was read.`);
  snapshot.patient = readFhirPatient(patients[0], snapshot.warnings);

  const encounters = index.ofType('Encounter');
  if (encounters[0]) snapshot.encounter = readFhirEncounter(encounters[0], index);

  const { name, mrn, dob } = snapshot.patient;
  const ctx: DocumentContext = {
    index,
    identifiers: { ...(name && { name }), ...(mrn && { mrn }), ...(dob && { dob }) },
    signatures: provenanceSignatures(index),
    warnings: snapshot.warnings,
  };
  for (const located of index.all) {
    if (located.type === 'Composition') snapshot.documents.push(readComposition(located, ctx));
    if (located.type === 'DocumentReference') snapshot.documents.push(readDocumentReference(located, ctx));
  }
  snapshot.source.title = snapshot.documents[0]?.title.value ?? `FHIR ${String(root.resourceType)}`;

  snapshot.diagnoses = readConditions(index.ofType('Condition'), diagnosisRoles(encounters, index));
  snapshot.procedures = readFhirProcedures(index.ofType('Procedure'), index);
  const requests = index.all.filter((r) => r.type === 'ServiceRequest' || r.type === 'MedicationRequest');
  snapshot.orders = readFhirOrders(requests, index, ctx.signatures);
  const admitting = snapshot.diagnoses.find((d) => d.role === 'admitting');
  if (snapshot.encounter && admitting) snapshot.encounter.admittingDiagnosis = admitting.text;
}
