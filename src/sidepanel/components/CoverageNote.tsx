import { coverageSummary, type Coverage } from '../../chart/coverage.ts';
import { TeachOffer } from './TeachPanel.tsx';

/**
 * What chartlint read of the chart, in one line, and what it could not read. Shown above the
 * findings on every chart, so an empty list is never mistaken for a complete chart.
 */
export function CoverageNote({ coverage }: { coverage: Coverage | undefined }) {
  if (!coverage) return <p class="coverage incomplete" data-coverage="unknown">chartlint does not know how much of this chart it read.</p>;
  return (
    <div class={coverage.complete ? 'coverage complete' : 'coverage incomplete'} data-coverage={coverage.complete ? 'complete' : 'incomplete'}>
      <p class="coverage-summary">{coverageSummary(coverage)}.</p>
      {!coverage.complete && (
        <details class="coverage-gaps">
          <summary>Not read: {coverage.gaps.length} gap{coverage.gaps.length === 1 ? '' : 's'}</summary>
          <ul>
            {coverage.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </details>
      )}
      <TeachOffer incomplete={!coverage.complete} />
    </div>
  );
}

/** The empty-list message: "All clear" is earned by a complete read, never the default. */
export function NoFindings({ coverage }: { coverage: Coverage | undefined }) {
  if (coverage?.complete) return <p class="state" data-state="all-clear">All clear: no open findings on this chart.</p>;
  return (
    <p class="state" data-state="incomplete-read">
      No findings on what chartlint could read, but the read was incomplete: this chart is not known to be complete. Check the parts listed as not read.
    </p>
  );
}
