import type { Code } from '../chart/snapshot.ts';
import type { ChartlintDatabase } from './db.ts';

/** A code the coder accepted from a finding, on their working list for one chart. */
export interface WorkingCode extends Code {
  /** The rule whose suggestion it was. */
  rule: string;
  acceptedAt: string;
}

// Kept in the key/value `settings` store under a per-chart key, so "erase all" removes it too.
const keyOf = (chartKey: string) => `working-codes:${chartKey}`;

export async function workingCodes(db: ChartlintDatabase, chartKey: string): Promise<WorkingCode[]> {
  return ((await db.get('settings', keyOf(chartKey)))?.value as WorkingCode[] | undefined) ?? [];
}

/** Adds a code to the chart's working list (once per system and code) and audits it. */
export async function acceptCode(db: ChartlintDatabase, chartKey: string, code: WorkingCode): Promise<void> {
  const tx = db.transaction(['settings', 'audit'], 'readwrite');
  const list = ((await tx.objectStore('settings').get(keyOf(chartKey)))?.value as WorkingCode[] | undefined) ?? [];
  if (!list.some((c) => c.system === code.system && c.code === code.code)) {
    await tx.objectStore('settings').put({ key: keyOf(chartKey), value: [...list, code] });
    await tx.objectStore('audit').add({ at: code.acceptedAt, action: 'code-accepted', rule: code.rule, chartKey, detail: { system: code.system, code: code.code } });
  }
  await tx.done;
}

export async function removeCode(db: ChartlintDatabase, chartKey: string, system: string, code: string): Promise<void> {
  const list = await workingCodes(db, chartKey);
  await db.put('settings', { key: keyOf(chartKey), value: list.filter((c) => !(c.system === system && c.code === code)) });
}
