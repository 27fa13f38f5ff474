import type { Finding } from '../engine/finding.ts';
import type { DismissedFinding } from '../shared/messages.ts';
import { dismissalsFor } from '../storage/dismissals.ts';
import { database } from '../storage/database.ts';

/** A chart's findings split into open and dismissed, by the dismissals stored for that chart. */
export async function splitByDismissal(chartKey: string, findings: Finding[]): Promise<{ open: Finding[]; dismissed: DismissedFinding[] }> {
  const dismissals = await dismissalsFor(await database(), chartKey);
  const open: Finding[] = [];
  const dismissed: DismissedFinding[] = [];
  for (const finding of findings) {
    const record = dismissals.get(finding.fingerprint);
    if (record) dismissed.push({ finding, reason: record.reason, dismissedAt: record.dismissedAt });
    else open.push(finding);
  }
  return { open, dismissed };
}
