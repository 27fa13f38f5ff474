import type { Finding } from '../../engine/finding.ts';

/**
 * One finding: what is wrong, the evidence it rests on, and why (conditions and citation).
 * All chart text is rendered as text nodes, never as HTML.
 */
export function FindingCard({ finding }: { finding: Finding }) {
  return (
    <li class={`finding sev-${finding.severity}`} data-rule={finding.rule} data-severity={finding.severity} data-fingerprint={finding.fingerprint}>
      <p class="finding-message">
        <span class="severity" aria-label={`Severity: ${finding.severity}`}>{finding.severity}</span> <span class="message-text">{finding.message}</span>
      </p>
      {finding.detail && <p class="finding-detail">{finding.detail}</p>}
      {finding.evidence.length > 0 && (
        <ul class="evidence" aria-label="Evidence">
          {finding.evidence.map((ref, index) => (
            <li key={index}>
              <q>{ref.text}</q>
            </li>
          ))}
        </ul>
      )}
      {finding.codes.length > 0 && (
        <ul class="codes" aria-label="Codes">
          {finding.codes.map((code) => (
            <li key={`${code.system}:${code.code}`}>
              <span class="code-action">{code.action}</span> <code>{code.code}</code> {code.display} <span class="code-system">({code.system})</span>
            </li>
          ))}
        </ul>
      )}
      <details class="why">
        <summary>Why</summary>
        <p class="citation">
          Rule <code>{finding.pack}/{finding.rule}</code> · {finding.citation}
        </p>
        {finding.explanation.length > 0 && (
          <ul class="explanation">
            {finding.explanation.map((step, index) => (
              <li key={index}>
                {step.fact}
                {step.path ? `.${step.path}` : ''} {step.operator} {format(step.expected)}: saw {format(step.actual)}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

function format(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
