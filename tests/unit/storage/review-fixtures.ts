import { withCoverage, type ReadLimits } from '../../../src/chart/coverage.ts';
import { emptySnapshot, type ChartDocument, type ChartSnapshot, type Field } from '../../../src/chart/snapshot.ts';
import type { Finding } from '../../../src/engine/finding.ts';

const field = (value: string, iso?: string): Field => ({ value, ...(iso ? { iso } : {}), source: { text: value } });

/** A note by a resident awaiting a named co-signer, and a signed discharge summary. */
function documents(): ChartDocument[] {
  return [
    {
      id: 'doc-1',
      kind: 'progress-note',
      title: field('Progress Note'),
      author: { name: field('Patel, Anjali') },
      signature: { status: 'needs-cosignature', signer: { name: field('Patel, Anjali') }, cosigner: { name: field('Okafor, Chinedu') } },
      identifiers: {},
      sections: [{ title: 'Plan', text: 'Continue.', source: { text: 'Continue.' } }],
      source: { selector: '#note-1', text: 'Progress Note' },
    },
    {
      id: 'doc-2',
      kind: 'discharge-summary',
      title: field('Discharge Summary'),
      author: { name: field('Nguyen, Lan') },
      signature: { status: 'unsigned' },
      identifiers: {},
      sections: [{ title: 'Course', text: 'Improved.', source: { text: 'Improved.' } }],
      source: { selector: '#note-2', text: 'Discharge Summary' },
    },
  ];
}

/** An inpatient chart read completely (or, with `limits`, as partially as they say). */
export function chartSnapshot(limits?: ReadLimits, url = 'https://ehr.example.test/chart?id=1'): ChartSnapshot {
  const snapshot = emptySnapshot('generic', '2026-11-01T00:00:00Z');
  snapshot.source.url = url;
  snapshot.source.title = 'Rivera, Maria · Inpatient chart';
  snapshot.patient = { name: field('Rivera, Maria'), mrn: field('4820193'), dob: field('01/02/1960', '1960-01-02') };
  snapshot.encounter = { kind: 'inpatient', admittedAt: field('11/20/2026', '2026-11-20'), dischargedAt: field('11/24/2026', '2026-11-24'), attending: { name: field('Okafor, Chinedu') } };
  snapshot.documents = documents();
  return withCoverage(snapshot, limits);
}

export function finding(rule: string, subject: string, extra: Partial<Finding> = {}): Finding {
  return {
    rule,
    pack: 'authentication',
    category: 'authentication',
    severity: 'error',
    message: `${rule} on ${subject}`,
    citation: '42 CFR 482.24(c)(1)',
    evidence: [],
    codes: [],
    explanation: [],
    subject,
    fingerprint: `${rule}:${subject}`,
    ...extra,
  };
}
