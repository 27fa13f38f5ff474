import type { ChartDocument, ChartSnapshot, Person, SourceRef } from '../chart/snapshot.ts';
import type { Finding } from '../engine/finding.ts';

/**
 * Who is to complete a finding, as read: the clinician a deficiency is assigned to on the
 * worklist. The item the finding is about (its subject) decides; a chart-wide finding whose
 * evidence sits inside one document goes to that document's clinician, and anything else to
 * the encounter's attending, who answers for the record as a whole.
 */
export function responsibleFor(snapshot: ChartSnapshot, finding: Pick<Finding, 'subject' | 'evidence'>): string | undefined {
  const document = snapshot.documents.find((d) => d.id === finding.subject) ?? documentHolding(snapshot, finding.evidence);
  if (document) return nameOf(documentClinician(document)) ?? attendingOf(snapshot);
  const order = snapshot.orders.find((o) => o.id === finding.subject);
  if (order) return nameOf(order.orderedBy ?? order.signature.signer) ?? attendingOf(snapshot);
  const coded = [...snapshot.diagnoses, ...snapshot.procedures].find((c) => c.id === finding.subject);
  return nameOf(coded?.performer) ?? attendingOf(snapshot);
}

/**
 * A document awaiting a co-signature waits on the co-signer when one is named; otherwise its
 * signer (or expected signer) and, failing that, its author.
 */
function documentClinician(document: ChartDocument): Person | undefined {
  const { signature } = document;
  if (signature.status === 'needs-cosignature' && signature.cosigner) return signature.cosigner;
  return signature.signer ?? document.author;
}

function documentHolding(snapshot: ChartSnapshot, evidence: readonly SourceRef[]): ChartDocument | undefined {
  const selectors = new Set(evidence.flatMap((ref) => (ref.selector ? [`${ref.frame ?? ''} ${ref.selector}`] : [])));
  if (selectors.size === 0) return undefined;
  return snapshot.documents.find((d) => d.source.selector !== undefined && selectors.has(`${d.source.frame ?? ''} ${d.source.selector}`));
}

function attendingOf(snapshot: ChartSnapshot): string | undefined {
  return nameOf(snapshot.encounter?.attending);
}

function nameOf(person: Person | undefined): string | undefined {
  const name = person?.name.value.trim();
  return name ? name : undefined;
}
