import { useRef, useState } from 'preact/hooks';
import type { Finding } from '../../engine/finding.ts';
import type { CodeDecision, ReviewedQuery } from '../../storage/review-types.ts';
import type { PanelActions } from '../actions.ts';
import { DismissForm } from './DismissForm.tsx';
import { QueryDraft } from './QueryDraft.tsx';
import { CodeChoice } from './CodeChoice.tsx';

interface Props {
  finding: Finding;
  actions: PanelActions;
  /** Set for a dismissed finding: the reason given, and the way back. */
  dismissal?: { reason: string; dismissedAt: string };
  /** "system:code" of the codes already on the chart's working list. */
  accepted?: ReadonlySet<string>;
  /** The query last sent from this finding, and this finding's code decisions (review record). */
  sentQuery?: ReviewedQuery | undefined;
  codeDecisions?: readonly CodeDecision[];
}

/**
 * One finding: what is wrong, the evidence it rests on (click to see it on the page), and why
 * (conditions and citation). All chart text is rendered as text nodes, never as HTML.
 */
export function FindingCard({ finding, actions, dismissal, accepted, sentQuery, codeDecisions = [] }: Props) {
  const [dismissing, setDismissing] = useState(false);
  const card = useRef<HTMLLIElement>(null);
  const shown = finding.evidence.find((ref) => ref.selector);
  const closeForm = () => {
    setDismissing(false);
    // The form held the focus; give it back to the card rather than lose it to the page.
    card.current?.focus();
  };
  // Dismissing or undoing moves the card to the other list (a new element): the focus goes to
  // the finding beside it first, so a keyboard user keeps their place.
  const leave = (then: () => void) => {
    focusNeighbour(card.current);
    then();
  };
  return (
    <li
      ref={card}
      class={`finding sev-${finding.severity}${dismissal ? ' dismissed' : ''}`}
      tabIndex={0}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-fingerprint={finding.fingerprint}
      aria-label={`${finding.severity}${dismissal ? ', dismissed' : ''}: ${finding.message}`}
      aria-keyshortcuts={['ArrowDown', 'ArrowUp', ...(shown ? ['Enter'] : []), dismissal ? 'U' : 'D'].join(' ')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && dismissing) closeForm();
        if (event.target !== event.currentTarget) return;
        if (event.key === 'Enter' && shown) actions.jumpTo(shown);
        if (event.key === 'd' && !dismissal) setDismissing(true);
        if (event.key === 'u' && dismissal) leave(() => actions.undismiss(finding));
      }}
    >
      <p class="finding-message">
        <span class="severity">{finding.severity}</span> <span class="message-text">{finding.message}</span>
      </p>
      {finding.detail && <p class="finding-detail">{finding.detail}</p>}
      {finding.query && <QueryDraft query={finding.query} sent={sentQuery} onCopied={() => actions.queryDrafted(finding)} onOutcome={(id, outcome, initials) => actions.queryOutcome(id, outcome, initials)} />}
      {finding.evidence.length > 0 && (
        <ul class="evidence" aria-label="Evidence">
          {finding.evidence.map((ref, index) => (
            <li key={index}>
              <button type="button" class="evidence-link" title="Show on the page" disabled={!ref.selector} onClick={() => actions.jumpTo(ref)}>
                <q>{ref.text}</q>
              </button>
            </li>
          ))}
        </ul>
      )}
      {finding.codes.length > 0 && (
        <ul class="codes" aria-label="Codes">
          {finding.codes.map((code) => (
            <li key={`${code.system}:${code.code}`}>
              <span class="code-action">{code.action}</span> <code>{code.code}</code> {code.display} <span class="code-system">({code.system})</span>
              {code.severityLevel && <span class="code-severity"> · {code.severityLevel}{code.excludedByPrincipal ? ` (excluded by ${code.excludedByPrincipal})` : ''}</span>}
              {(code.action === 'add' || code.action === 'replace') && (
                <CodeChoice
                  code={code}
                  accepted={accepted?.has(`${code.system}:${code.code}`) ?? false}
                  rejection={codeDecisions.findLast((d) => d.system === code.system && d.code === code.code && d.decision === 'rejected')}
                  onAccept={() => actions.acceptCode(finding, code)}
                  onReject={(reason, initials) => actions.rejectCode(finding, code, reason, initials)}
                  onFormClosed={() => card.current?.focus()}
                />
              )}
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
      {dismissal ? (
        <p class="dismissal">
          Dismissed: {dismissal.reason}{' '}
          <button type="button" class="undo" onClick={() => leave(() => actions.undismiss(finding))}>
            Undo
          </button>
        </p>
      ) : dismissing ? (
        <DismissForm
          onCancel={closeForm}
          onDismiss={(reason, initials) => {
            leave(() => actions.dismiss(finding, reason, initials));
            setDismissing(false);
          }}
        />
      ) : (
        <button type="button" class="dismiss" onClick={() => setDismissing(true)}>
          Dismiss…
        </button>
      )}
    </li>
  );
}

/** Focuses the next finding in the panel, or the one before when this is the last. */
function focusNeighbour(card: HTMLElement | null): void {
  const list = card?.closest('.finding-groups');
  if (!card || !list) return;
  const all = [...list.querySelectorAll<HTMLElement>('li.finding')];
  const at = all.indexOf(card);
  (all[at + 1] ?? all[at - 1])?.focus();
}

function format(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
