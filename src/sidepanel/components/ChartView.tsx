import type { ChartSnapshot, Field, Signature } from '../../chart/snapshot.ts';

/** What chartlint read from the page, so a user can see what the findings rest on. */
export function ChartView({ snapshot }: { snapshot: ChartSnapshot }) {
  const { patient, encounter } = snapshot;
  return (
    <div class="chart-view">
      <p class="chart-source">Read by the <code>{snapshot.source.adapter}</code> adapter.</p>
      <h2>Patient</h2>
      <dl class="facts">
        <Row label="Name" field={patient.name} />
        <Row label="MRN" field={patient.mrn} />
        <Row label="Date of birth" field={patient.dob} />
        <Row label="Sex" field={patient.sex} />
      </dl>
      {encounter && (
        <>
          <h2>Encounter</h2>
          <dl class="facts">
            <dt>Kind</dt>
            <dd>{encounter.kind ?? '—'}</dd>
            <Row label="Admitted" field={encounter.admittedAt} />
            <Row label="Discharged" field={encounter.dischargedAt} />
            <Row label="Attending" field={encounter.attending?.name} />
          </dl>
        </>
      )}
      <h2>Documents ({snapshot.documents.length})</h2>
      <ul class="chart-items">
        {snapshot.documents.map((doc) => (
          <li key={doc.id}>
            <strong>{doc.title.value}</strong> <span class="muted">({doc.kind})</span>
            {doc.author && <> · {doc.author.name.value}{doc.author.credentials ? `, ${doc.author.credentials.value}` : ''}</>}
            {doc.createdAt && <> · {doc.createdAt.value}</>} · <SignatureLabel signature={doc.signature} />
          </li>
        ))}
      </ul>
      <h2>Diagnoses ({snapshot.diagnoses.length})</h2>
      <ul class="chart-items">
        {snapshot.diagnoses.map((dx) => (
          <li key={dx.id}>
            {dx.code && <code>{dx.code.code}</code>} {dx.text.value} {dx.role && <span class="muted">({dx.role})</span>}
          </li>
        ))}
      </ul>
      <h2>Procedures ({snapshot.procedures.length})</h2>
      <ul class="chart-items">
        {snapshot.procedures.map((px) => (
          <li key={px.id}>
            {px.code && <code>{px.code.code}</code>} {px.text.value}
          </li>
        ))}
      </ul>
      <h2>Orders ({snapshot.orders.length})</h2>
      <ul class="chart-items">
        {snapshot.orders.map((order) => (
          <li key={order.id}>
            {order.text.value} <span class="muted">({order.kind})</span> · <SignatureLabel signature={order.signature} />
          </li>
        ))}
      </ul>
      <h2>Form fields ({snapshot.forms.length})</h2>
      <ul class="chart-items">
        {snapshot.forms.map((field) => (
          <li key={field.id}>
            {field.label}
            {field.required ? ' (required)' : ''}: {field.value || <span class="muted">empty</span>}
          </li>
        ))}
      </ul>
      {snapshot.warnings.length > 0 && (
        <>
          <h2>Could not read</h2>
          <ul class="chart-warnings">
            {snapshot.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Row({ label, field }: { label: string; field?: Field }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{field?.value ?? '—'}</dd>
    </>
  );
}

function SignatureLabel({ signature }: { signature: Signature }) {
  const by = signature.signer ? ` by ${signature.signer.name.value}` : '';
  const at = signature.signedAt ? ` ${signature.signedAt.value}` : '';
  return <span class={`sig sig-${signature.status}`}>{signature.status}{by}{at}</span>;
}
