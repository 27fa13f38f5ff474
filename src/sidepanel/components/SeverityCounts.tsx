import type { Finding, Severity } from '../../engine/finding.ts';

const LABELS: Record<Severity, string> = { error: 'errors', warning: 'warnings', info: 'info' };

/**
 * Counts at the top of the panel, one pill per severity. App puts them in a live region: when
 * the chart changes or a finding is dismissed, a screen reader hears the new counts.
 */
export function SeverityCounts({ findings }: { findings: Finding[] }) {
  const severities: Severity[] = ['error', 'warning', 'info'];
  return (
    <p class="counts">
      {severities.map((severity, index) => {
        const count = findings.filter((f) => f.severity === severity).length;
        return (
          <span key={severity} class={`count sev-${severity}`} data-severity={severity}>
            {count} {LABELS[severity]}
            {/* Read as "2 errors, 1 warnings, ...", not run together. */}
            {index < severities.length - 1 && <span class="visually-hidden">,</span>}
          </span>
        );
      })}
    </p>
  );
}
