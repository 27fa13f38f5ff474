import type { Finding, FindingCategory } from '../../engine/finding.ts';
import type { DismissedFinding } from '../../shared/messages.ts';
import type { PanelActions } from '../actions.ts';
import type { WorkingCode } from '../../storage/working-codes.ts';
import type { Coverage } from '../../chart/coverage.ts';
import type { CodeDecision, ReviewedQuery } from '../../storage/review-types.ts';
import { CoverageNote, NoFindings } from './CoverageNote.tsx';
import { FindingCard } from './FindingCard.tsx';
import { WorkingCodes } from './WorkingCodes.tsx';

const CATEGORIES: { id: FindingCategory; title: string }[] = [
  { id: 'authentication', title: 'Authentication' },
  { id: 'completeness', title: 'Completeness' },
  { id: 'coding', title: 'Coding' },
  { id: 'documentation', title: 'Documentation' },
];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

interface Props {
  findings: Finding[];
  dismissed: DismissedFinding[];
  workingCodes: WorkingCode[];
  actions: PanelActions;
  coverage?: Coverage | undefined;
  /** The chart's queries and code decisions in the review record. */
  review?: { queries: ReviewedQuery[]; codeDecisions: CodeDecision[] } | undefined;
}

/**
 * Open findings grouped by category, errors first; dismissed ones below, still visible.
 * Arrow keys (or j/k), Home and End move between findings; Enter shows the evidence; d dismisses;
 * u undoes.
 */
export function FindingList({ findings, dismissed, workingCodes, actions, coverage, review }: Props) {
  const accepted = new Set(workingCodes.map((c) => `${c.system}:${c.code}`));
  // The latest query per finding (queries are stored in the order drafted).
  const sentQuery = (finding: Finding) => review?.queries.findLast((q) => q.fingerprint === finding.fingerprint);
  const decisionsOf = (finding: Finding) => review?.codeDecisions.filter((d) => d.fingerprint === finding.fingerprint) ?? [];
  return (
    <div class="finding-groups" onKeyDown={moveFocus}>
      <CoverageNote coverage={coverage} />
      <WorkingCodes codes={workingCodes} actions={actions} />
      {findings.length === 0 && <NoFindings coverage={coverage} />}
      {CATEGORIES.map(({ id, title }) => {
        const group = findings.filter((f) => f.category === id).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
        if (group.length === 0) return null;
        return (
          <section key={id} class="finding-group" data-category={id} aria-labelledby={`group-${id}`}>
            <h2 id={`group-${id}`}>
              {title} <span class="group-count">{group.length}</span>
            </h2>
            <ul class="findings">
              {group.map((finding) => (
                <FindingCard key={finding.fingerprint} finding={finding} actions={actions} accepted={accepted} sentQuery={sentQuery(finding)} codeDecisions={decisionsOf(finding)} />
              ))}
            </ul>
          </section>
        );
      })}
      {dismissed.length > 0 && (
        <section class="finding-group dismissed-group" aria-labelledby="group-dismissed">
          <h2 id="group-dismissed">
            Dismissed <span class="group-count">{dismissed.length}</span>
          </h2>
          <ul class="findings">
            {dismissed.map(({ finding, reason, dismissedAt }) => (
              <FindingCard key={finding.fingerprint} finding={finding} actions={actions} dismissal={{ reason, dismissedAt }} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function moveFocus(event: KeyboardEvent): void {
  const current = event.target as HTMLElement;
  if (!current.matches('li.finding')) return;
  const all = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('li.finding')];
  const at = all.indexOf(current);
  const moves: Record<string, number> = { ArrowDown: at + 1, j: at + 1, ArrowUp: at - 1, k: at - 1, Home: 0, End: all.length - 1 };
  const to = moves[event.key];
  if (to === undefined) return;
  all[to]?.focus();
  event.preventDefault();
}
