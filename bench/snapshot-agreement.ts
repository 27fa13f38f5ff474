import type { ChartSnapshot, Field, Person } from '../src/chart/snapshot.ts';

/**
 * How well one snapshot (the generic adapter's) agrees with a reference (a page's own adapter),
 * item by item: patient fields, encounter, documents found with kind / signature status /
 * signer / times / author, orders with kind and authentication, problems, form fields with
 * value and required state. Each check is one point; the figure is points matched / checks.
 */
export interface Agreement {
  checks: number;
  matched: number;
  byArea: Record<string, { checks: number; matched: number }>;
  misses: string[];
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const when = (f: Field | undefined) => f?.iso ?? norm(f?.value);
const who = (p: Person | undefined) => norm(p?.name.value);

export function agreement(reference: ChartSnapshot, candidate: ChartSnapshot): Agreement {
  const result: Agreement = { checks: 0, matched: 0, byArea: {}, misses: [] };
  const check = (area: string, what: string, expected: string | undefined, actual: string | undefined) => {
    if (expected === undefined || expected === '') return;
    const slot = (result.byArea[area] ??= { checks: 0, matched: 0 });
    slot.checks++;
    result.checks++;
    if (expected === actual) {
      slot.matched++;
      result.matched++;
    } else result.misses.push(`${area}: ${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  for (const key of ['name', 'mrn', 'dob', 'sex'] as const) {
    check('patient', key, when(reference.patient[key]), when(candidate.patient[key]));
  }
  const re = reference.encounter;
  const ce = candidate.encounter;
  check('encounter', 'kind', norm(re?.kind), norm(ce?.kind));
  check('encounter', 'admitted', when(re?.admittedAt), when(ce?.admittedAt));
  check('encounter', 'discharged', when(re?.dischargedAt), when(ce?.dischargedAt));
  check('encounter', 'attending', who(re?.attending), who(ce?.attending));
  const unmatchedDocs = [...candidate.documents];
  for (const doc of reference.documents) {
    const i = unmatchedDocs.findIndex((d) => norm(d.title.value) === norm(doc.title.value));
    const found = i >= 0 ? unmatchedDocs.splice(i, 1)[0] : undefined;
    const name = doc.title.value;
    check('documents', `${name} found`, 'yes', found ? 'yes' : 'no');
    check('documents', `${name} kind`, doc.kind, found?.kind);
    check('signatures', `${name} status`, doc.signature.status, found?.signature.status);
    check('signatures', `${name} signer`, who(doc.signature.signer), who(found?.signature.signer));
    check('signatures', `${name} signed at`, when(doc.signature.signedAt), when(found?.signature.signedAt));
    check('documents', `${name} author`, who(doc.author), who(found?.author));
    check('documents', `${name} created`, when(doc.createdAt), when(found?.createdAt));
  }
  for (const order of reference.orders) {
    const found = candidate.orders.find((o) => norm(o.text.value) === norm(order.text.value));
    const name = order.text.value;
    check('orders', `${name} found`, 'yes', found ? 'yes' : 'no');
    check('orders', `${name} kind`, order.kind, found?.kind);
    check('orders', `${name} authentication`, order.signature.status, found?.signature.status);
    check('orders', `${name} ordered at`, when(order.orderedAt), when(found?.orderedAt));
    check('orders', `${name} ordered by`, who(order.orderedBy), who(found?.orderedBy));
  }
  for (const dx of reference.diagnoses) {
    const found = candidate.diagnoses.find((d) => (dx.code ? d.code?.code === dx.code.code : norm(d.text.value) === norm(dx.text.value)));
    check('problems', `${dx.text.value} found`, 'yes', found ? 'yes' : 'no');
    check('problems', `${dx.text.value} text`, norm(dx.text.value), norm(found?.text.value));
  }
  for (const field of reference.forms) {
    const found = candidate.forms.find((f) => norm(f.label) === norm(field.label));
    check('forms', `${field.label} found`, 'yes', found ? 'yes' : 'no');
    check('forms', `${field.label} required`, String(field.required), found && String(found.required));
    check('forms', `${field.label} filled`, String(field.value !== ''), found && String(found.value !== ''));
  }
  return result;
}

export function percent(a: { checks: number; matched: number }): string {
  return a.checks === 0 ? 'n/a' : `${((100 * a.matched) / a.checks).toFixed(1)} %`;
}
