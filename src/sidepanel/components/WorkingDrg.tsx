import type { DrgOutcome, WhatIfLine, WorkingDrg as WorkingDrgState } from '../../grouper/working-drg.ts';

const SEVERITY_WORDS: Record<string, string> = { MCC: 'MCC', CC: 'CC', NONE: 'no CC/MCC' };
const SEX_WORDS: Record<string, string> = { M: 'male', F: 'female', U: 'sex unknown' };

const signed = (n: number, digits: number): string => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`;
const dollars = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : '±'}$${Math.abs(n).toLocaleString('en-US')}`;

/** "DRG 193 Simple Pneumonia and Pleurisy with MCC (weight +0.7311, +$4,752)". */
function Outcome({ outcome }: { outcome: DrgOutcome }) {
  const deltas = [
    ...(outcome.weightDelta !== undefined ? [`weight ${signed(outcome.weightDelta, 4)}`] : []),
    ...(outcome.paymentDelta !== undefined ? [dollars(outcome.paymentDelta)] : []),
  ];
  return (
    <span class={outcome.changesDrg ? 'drg-outcome changes' : 'drg-outcome'}>
      DRG <strong>{outcome.drg}</strong> {outcome.title}
      {!outcome.changesDrg && ' (no change)'}
      {deltas.length > 0 && ` (${deltas.join(', ')})`}
    </span>
  );
}

function lineLabel(line: WhatIfLine): string {
  const level = line.severityLevel ? ` (${line.severityLevel})` : '';
  switch (line.kind) {
    case 'add':
      return `Add ${line.code}${level}`;
    case 'replace':
      return `${line.code}${level} for ${line.replaces.join(', ')}`;
    case 'without':
      return `Without ${line.code}${level}`;
    case 'answer':
      return line.code ? `Query on ${line.code}: the answer` : 'Query: the answer';
  }
}

function WhatIf({ line }: { line: WhatIfLine }) {
  return (
    <li class="what-if-line" data-rule={line.rule} data-fingerprint={line.fingerprint} data-code={line.code}>
      <span class="what-if-label">{lineLabel(line)}</span> →{' '}
      {line.note ? (
        <span class="muted">{line.note}</span>
      ) : line.kind === 'answer' ? (
        <ul class="what-if-answers">
          {line.outcomes.map((o) => (
            <li key={o.drg}>
              {/* The answers that change nothing are counted, not listed: the ones that move the DRG matter. */}
              <Outcome outcome={o} />: {o.changesDrg ? o.codes?.join(', ') : `${o.codes?.length ?? 0} of the possible answers`}
            </li>
          ))}
        </ul>
      ) : (
        line.outcomes.map((o) => <Outcome key={o.drg} outcome={o} />)
      )}
    </li>
  );
}

/**
 * The chart's working MS-DRG (from its codes and the accepted ones), what was assumed, and
 * what each suggestion, query and CC/MCC finding would do to it. Relative weights and payment
 * show only once a CMS Table 5 has been imported on the options page.
 */
export function WorkingDrg({ drg }: { drg: WorkingDrgState }) {
  if (drg.status === 'unavailable') {
    return (
      <section class="working-drg unavailable" aria-labelledby="working-drg-title">
        <h2 id="working-drg-title">Working MS-DRG</h2>
        <p class="drg-unavailable">The DRG is unavailable: {drg.reason}.</p>
      </section>
    );
  }
  const demographics = `age ${drg.age}, ${SEX_WORDS[drg.sex] ?? drg.sex}, discharge status ${drg.dischargeStatus}`;
  return (
    <section class="working-drg" aria-labelledby="working-drg-title" data-drg={drg.drg}>
      <h2 id="working-drg-title">
        Working MS-DRG <span class="muted">({drg.version})</span>
      </h2>
      <p class="drg-current">
        DRG <strong class="drg-number">{drg.drg}</strong> <span class="drg-title">{drg.title}</span>
        {drg.weight !== undefined && <span class="drg-weight"> · weight {drg.weight.toFixed(4)}</span>}
      </p>
      <p class="drg-facts muted">
        MDC {drg.mdc}
        {drg.mdcTitle ? ` ${drg.mdcTitle}` : ''} · severity used: {SEVERITY_WORDS[drg.severity] ?? drg.severity}
        {drg.returnCode !== 'OK' && ` · grouper return code ${drg.returnCode}`}
      </p>
      <p class="drg-claim muted">
        From {drg.principal} and {drg.secondaries.length} secondary {drg.secondaries.length === 1 ? 'diagnosis' : 'diagnoses'}
        {drg.procedures.length > 0 && `, ${drg.procedures.length} procedure${drg.procedures.length === 1 ? '' : 's'}`}; {demographics}.
      </p>
      {drg.assumed.length > 0 && <p class="drg-assumed muted">Assumed: {drg.assumed.join('; ')}.</p>}
      {drg.mceEdits.length > 0 && <p class="drg-mce">Medicare Code Editor: {drg.mceEdits.join(', ')} (the claim would be returned).</p>}
      {drg.whatIf.length > 0 && (
        <>
          <h3 class="what-if-title">What if</h3>
          <ul class="what-if">
            {drg.whatIf.map((line) => (
              <WhatIf key={line.fingerprint} line={line} />
            ))}
          </ul>
        </>
      )}
      {drg.weights ? (
        <p class="drg-weights muted">
          Weights: {drg.weights.source}
          {drg.weights.baseRate !== undefined ? `; payment = weight × base rate $${drg.weights.baseRate.toLocaleString('en-US')}` : '; no base rate entered, weight deltas only'}.
        </p>
      ) : (
        <p class="drg-weights muted">No relative weights imported (options page, CMS Table 5): DRG titles only.</p>
      )}
    </section>
  );
}
