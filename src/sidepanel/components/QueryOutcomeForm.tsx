import { useId, useState } from 'preact/hooks';
import type { QueryOutcome, ReviewedQuery } from '../../storage/review-types.ts';
import { InitialsField } from './InitialsField.tsx';

const OUTCOMES: { value: Exclude<QueryOutcome, 'pending'>; label: string }[] = [
  { value: 'answered', label: 'Answered' },
  { value: 'agreed', label: 'Agreed (documentation added)' },
  { value: 'declined', label: 'Declined' },
  { value: 'unanswered', label: 'Unanswered' },
];

/**
 * A query sent from this finding and its outcome, which only the user knows: they enter it
 * here when the provider responds (or does not), for the dashboard's response and agreement rates.
 */
export function QueryOutcomeForm({ query, onSave }: { query: ReviewedQuery; onSave: (outcome: QueryOutcome, initials: string) => void }) {
  const [outcome, setOutcome] = useState<QueryOutcome>(query.outcome === 'pending' ? 'answered' : query.outcome);
  const [initials, setInitials] = useState(query.by ?? '');
  const select = useId();
  const sent = new Date(query.draftedAt).toLocaleDateString();
  return (
    <form
      class="query-outcome"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(outcome, initials);
      }}
    >
      <p class="query-state">
        Query sent {sent} · outcome: <strong>{query.outcome}</strong>
        {query.by ? ` (${query.by})` : ''}
      </p>
      <label for={select}>Outcome</label>{' '}
      <select id={select} value={outcome} onChange={(event) => setOutcome(event.currentTarget.value as QueryOutcome)}>
        {OUTCOMES.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>{' '}
      <InitialsField value={initials} onInput={setInitials} />{' '}
      <button type="submit" class="save-outcome">
        Save outcome
      </button>
    </form>
  );
}
