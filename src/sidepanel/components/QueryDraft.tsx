import { useId } from 'preact/hooks';
import { useCopy } from '../use-copy.ts';

/**
 * A documentation query draft, as the CDI specialist will send it: its lines kept, rendered as
 * text (it quotes the chart), and copied whole with one button.
 */
export function QueryDraft({ query }: { query: string }) {
  const { status, copy } = useCopy();
  const title = useId();
  return (
    <section class="query-draft" aria-labelledby={title}>
      <h3 id={title} class="query-title">
        Query draft
      </h3>
      <p class="query-text">{query}</p>
      <button type="button" class="copy-query" onClick={() => copy(query, 'the query draft')}>
        Copy query
      </button>
      {/* Present before it has anything to say, so the first message is announced too. */}
      <p class="copy-status muted" role="status">
        {status}
      </p>
    </section>
  );
}
