import type { WorkingDrg } from '../grouper/working-drg.ts';
import type { ReviewedDrg } from '../storage/review-types.ts';
import { splitByDismissal } from './findings-view.ts';
import type { TabRecord } from './tab-states.ts';
import { workingDrgOf } from './working-drg.ts';

/** The working MS-DRG as the review record keeps it (three digits, as CMS prints it); none when not grouped. */
export function reviewedDrgOf(drg: WorkingDrg | undefined): ReviewedDrg | undefined {
  if (drg?.status !== 'ready') return undefined;
  return {
    drg: String(drg.drg).padStart(3, '0'),
    title: drg.title,
    severity: drg.severity === 'NONE' ? 'none' : drg.severity,
    ...(drg.weight !== undefined ? { weight: drg.weight } : {}),
  };
}

/** The tab's working DRG as the review record keeps it: grouped from its findings not dismissed. */
export async function reviewedDrgOfTab(record: TabRecord): Promise<ReviewedDrg | undefined> {
  const { open } = await splitByDismissal(record.chartKey, record.findings);
  return reviewedDrgOf((await workingDrgOf(record, open)).drg);
}
