import type { ChartlintDatabase, DismissalRecord } from './db.ts';

/** Dismisses a finding on one chart, with the user's reason. Dismissing again updates the reason. */
export async function dismiss(db: ChartlintDatabase, record: DismissalRecord): Promise<void> {
  const tx = db.transaction(['dismissals', 'audit'], 'readwrite');
  await tx.objectStore('dismissals').put(record);
  await tx.objectStore('audit').add({
    at: record.dismissedAt,
    action: 'finding-dismissed',
    rule: record.rule,
    chartKey: record.chartKey,
    detail: { reason: record.reason },
  });
  await tx.done;
}

/** Takes a dismissal back: the finding shows as open again. */
export async function undismiss(db: ChartlintDatabase, chartKey: string, fingerprint: string): Promise<void> {
  const tx = db.transaction(['dismissals', 'audit'], 'readwrite');
  const existing = await tx.objectStore('dismissals').get([chartKey, fingerprint]);
  await tx.objectStore('dismissals').delete([chartKey, fingerprint]);
  if (existing) {
    await tx.objectStore('audit').add({ at: new Date().toISOString(), action: 'finding-undismissed', rule: existing.rule, chartKey });
  }
  await tx.done;
}

/** The chart's dismissals by finding fingerprint. */
export async function dismissalsFor(db: ChartlintDatabase, chartKey: string): Promise<Map<string, DismissalRecord>> {
  const records = await db.getAllFromIndex('dismissals', 'by-chart', chartKey);
  return new Map(records.map((record) => [record.fingerprint, record]));
}
