import type { ReviewRecord } from '../storage/review-types.ts';
import { percent, type MetricTable } from './table.ts';

/** How many rules the table lists: the rest are the long tail nobody reviews. */
export const TOP_RULES = 20;

/**
 * Rules by how often they fired (findings, one per chart and fingerprint), with how many of
 * those the user dismissed: a rule dismissed often is a rule to review.
 */
export function rulesFiredAndDismissed(record: ReviewRecord): MetricTable {
  const byRule = new Map<string, { fired: number; dismissed: number }>();
  for (const finding of record.findings) {
    const counts = byRule.get(finding.rule) ?? { fired: 0, dismissed: 0 };
    counts.fired += 1;
    if (finding.dismissedAt !== undefined) counts.dismissed += 1;
    byRule.set(finding.rule, counts);
  }
  const rows = [...byRule]
    .sort((a, b) => b[1].fired - a[1].fired || b[1].dismissed - a[1].dismissed || a[0].localeCompare(b[0]))
    .slice(0, TOP_RULES)
    .map(([rule, { fired, dismissed }]) => [rule, fired, dismissed, percent(dismissed, fired)]);
  return { id: 'rules-fired', title: 'Top rules fired and dismissed', columns: ['Rule', 'Fired', 'Dismissed', 'Dismissed share (%)'], rows };
}
