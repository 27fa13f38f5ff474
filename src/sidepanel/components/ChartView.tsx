import type { ComponentChildren } from 'preact';
import type { ChartSnapshot, Field, Signature, SourceRef } from '../../chart/snapshot.ts';
import type { PanelActions } from '../actions.ts';

/**
 * What chartlint read from the page, so a user can see what the findings rest on. Each item
 * links to where it was read: a click scrolls the page to it and highlights it.
 */
export function ChartView({ snapshot, actions }: { snapshot: ChartSnapshot; actions: PanelActions }) {
  const { patient, encounter } = snapshot;
  const jump: Jump = (ref) => actions.jumpTo(ref);
  return (
    <div class="chart-view">
      <p class="chart-source">Read by the <code>{snapshot.source.adapter}</code> adapter.</p>
      <h2>Patient</h2>
      <dl class="facts">
        <Row jump={jump} label="Name" field={patient.name} />
        <Row jump={jump} label="MRN" field={patient.mrn} />
        <Row jump={jump} label="Date of birth" field={patient.dob} />
        <Row jump={jump} label="Sex" field={patient.sex} />
      </dl>
      {encounter && (
        <>
          <h2>Encounter</h2>
          <dl class="facts">
            <dt>Kind</dt>
            <dd>{encounter.kind ?? '—'}</dd>
            <Row jump={jump} label="Admitted" field={encounter.admittedAt} />
            <Row jump={jump} label="Discharged" field={encounter.dischargedAt} />
            <Row jump={jump} label="Attending" field={encounter.attending?.name} />
          </dl>
        </>
      )}
      <h2>Documents ({snapshot.documents.length})</h2>
      <ul class="chart-items">
        {snapshot.documents.map((doc) => (
          <li key={doc.id}>
            <Source jump={jump} source={doc.source}>
              <strong>{doc.title.value}</strong>
            </Source> <span class="muted">({doc.kind})</span>
            {doc.author && <> · {doc.author.name.value}{doc.author.credentials ? `, ${doc.author.credentials.value}` : ''}</>}
            {doc.createdAt && <> · {doc.createdAt.value}</>} · <SignatureLabel signature={doc.signature} />
          </li>
        ))}
      </ul>
      <h2>Diagnoses ({snapshot.diagnoses.length})</h2>
      <ul class="chart-items">
        {snapshot.diagnoses.map((dx) => (
          <li key={dx.id}>
            <Source jump={jump} source={dx.source}>
              {dx.code && <code>{dx.code.code}</code>} {dx.text.value}
            </Source>{' '}
            {dx.role && <span class="muted">({dx.role})</span>}
          </li>
        ))}
      </ul>
      <h2>Procedures ({snapshot.procedures.length})</h2>
      <ul class="chart-items">
        {snapshot.procedures.map((px) => (
          <li key={px.id}>
            <Source jump={jump} source={px.source}>
              {px.code && <code>{px.code.code}</code>} {px.text.value}
            </Source>
          </li>
        ))}
      </ul>
      <h2>Orders ({snapshot.orders.length})</h2>
      <ul class="chart-items">
        {snapshot.orders.map((order) => (
          <li key={order.id}>
            <Source jump={jump} source={order.source}>{order.text.value}</Source> <span class="muted">({order.kind})</span> · <SignatureLabel signature={order.signature} />
          </li>
        ))}
      </ul>
      <h2>Form fields ({snapshot.forms.length})</h2>
      <ul class="chart-items">
        {snapshot.forms.map((field) => (
          <li key={field.id}>
            <Source jump={jump} source={field.source}>{field.label}</Source>
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

function SignatureLabel({ signature }: { signature: Signature }) {
  const by = signature.signer ? ` by ${signature.signer.name.value}` : '';
  const at = signature.signedAt ? ` ${signature.signedAt.value}` : '';
  return <span class={`sig sig-${signature.status}`}>{signature.status}{by}{at}</span>;
}

type Jump = PanelActions['jumpTo'];

/** Text that, when its source can be found on the page, is a button that shows it there. */
function Source({ source, jump, children }: { source?: SourceRef; jump: Jump; children: ComponentChildren }) {
  if (!source?.selector) return <>{children}</>;
  return (
    <button type="button" class="source-link" title="Show on the page" onClick={() => jump(source)}>
      {children}
    </button>
  );
}

function Row({ label, field, jump }: { label: string; field?: Field; jump: Jump }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{field ? <Source jump={jump} source={field.source}>{field.value}</Source> : '—'}</dd>
    </>
  );
}
