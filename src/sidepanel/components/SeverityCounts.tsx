import type { Finding, Severity } from '../../engine/finding.ts';

const LABELS: Record<Severity, string> = { error: 'errors', warning: 'warnings', info: 'info' };

/** Counts at the top of the panel, one pill per severity. */
export function SeverityCounts({ findings }: { findings: Finding[] }) {
  const severities: Severity[] = ['error', 'warning', 'info'];
  return (
    <p class="counts" aria-label="Finding counts">
      {severities.map((severity) => {
        const count = findings.filter((f) => f.severity === severity).length;
        return (
          <span key={severity} class={`count sev-${severity}`} data-severity={severity}>
            {count} {LABELS[severity]}
          </span>
        );
      })}
    </p>
  );
}
