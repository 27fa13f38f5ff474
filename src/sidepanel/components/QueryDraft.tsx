import { useId } from 'preact/hooks';
import type { QueryOutcome, ReviewedQuery } from '../../storage/review-types.ts';
import { useCopy } from '../use-copy.ts';
import { QueryOutcomeForm } from './QueryOutcomeForm.tsx';

interface Props {
  query: string;
  /** The query last sent from this finding, as the review record keeps it. */
  sent?: ReviewedQuery | undefined;
  /** Copying the draft is sending it: the review record notes a query, pending its outcome. */
  onCopied?: () => void;
  onOutcome?: (id: number, outcome: QueryOutcome, initials: string) => void;
}

/**
 * A documentation query draft, as the CDI specialist will send it: its lines kept, rendered as
 * text (it quotes the chart), and copied whole with one button; once sent, its outcome.
 */
export function QueryDraft({ query, sent, onCopied, onOutcome }: Props) {
  const { status, copy } = useCopy();
  const title = useId();
  return (
    <section class="query-draft" aria-labelledby={title}>
      <h3 id={title} class="query-title">
        Query draft
      </h3>
      <p class="query-text">{query}</p>
      <button type="button" class="copy-query" onClick={() => {
          copy(query, 'the query draft');
          onCopied?.();
        }}>
        Copy query
      </button>
      {/* Present before it has anything to say, so the first message is announced too. */}
      <p class="copy-status muted" role="status">
        {status}
      </p>
      {sent?.id !== undefined && onOutcome && <QueryOutcomeForm key={`${sent.id}:${sent.outcome}`} query={sent} onSave={(outcome, initials) => onOutcome(sent.id!, outcome, initials)} />}
    </section>
  );
}
