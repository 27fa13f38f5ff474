import type { Finding, FindingCategory } from '../../engine/finding.ts';
import { FindingCard } from './FindingCard.tsx';

const CATEGORIES: { id: FindingCategory; title: string }[] = [
  { id: 'authentication', title: 'Authentication' },
  { id: 'completeness', title: 'Completeness' },
  { id: 'coding', title: 'Coding' },
  { id: 'documentation', title: 'Documentation' },
];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Findings grouped by category, errors first within each group. */
export function FindingList({ findings }: { findings: Finding[] }) {
  return (
    <div class="finding-groups">
      {CATEGORIES.map(({ id, title }) => {
        const group = findings
          .filter((f) => f.category === id)
          .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
        if (group.length === 0) return null;
        return (
          <section key={id} class="finding-group" data-category={id} aria-labelledby={`group-${id}`}>
            <h2 id={`group-${id}`}>
              {title} <span class="group-count">{group.length}</span>
            </h2>
            <ul class="findings">
              {group.map((finding) => (
                <FindingCard key={finding.fingerprint} finding={finding} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
