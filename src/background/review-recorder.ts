import { database } from '../storage/database.ts';
import { recordChartReview } from '../storage/review-record.ts';
import { reviewedDrgOfTab } from './review-drg.ts';
import { loadedRules } from './rule-engine.ts';
import { chartOf, getTab } from './tab-states.ts';

/**
 * At most one write per chart in this time: the findings change on every keystroke in a note,
 * and the review record needs each chart's state, not each keystroke's.
 */
const MIN_INTERVAL_MS = 2000;

interface ChartWrites {
  tabId: number;
  lastAt: number;
  timer?: ReturnType<typeof setTimeout>;
  writing?: Promise<void>;
}

const charts = new Map<string, ChartWrites>();

/**
 * Records the tab's chart in the review record soon: now when it was not written in the last
 * two seconds, else once that time is up, with the tab's findings as they are then.
 */
export function reviewSoon(tabId: number, chartKey: string): void {
  const entry = charts.get(chartKey) ?? { tabId, lastAt: -Infinity };
  entry.tabId = tabId;
  charts.set(chartKey, entry);
  if (entry.timer !== undefined) return;
  const wait = Math.max(0, entry.lastAt + MIN_INTERVAL_MS - Date.now());
  entry.timer = setTimeout(() => void flushReview(chartKey), wait);
}

/**
 * Writes a chart's pending review now (before a dismissal or a query is noted on its findings,
 * which must exist first), and waits for a write under way. Never throws.
 */
export async function flushReview(chartKey: string): Promise<void> {
  const entry = charts.get(chartKey);
  if (!entry) return;
  await entry.writing;
  if (entry.timer === undefined) return;
  clearTimeout(entry.timer);
  delete entry.timer;
  entry.lastAt = Date.now();
  entry.writing = write(entry.tabId, chartKey).finally(() => delete entry.writing);
  await entry.writing;
}

async function write(tabId: number, chartKey: string): Promise<void> {
  try {
    const record = await getTab(tabId);
    // Moved on to another chart, or brought back after a restart without its reading: the
    // next reading of the page records it.
    if (!record || record.chartKey !== chartKey || record.empty || record.frames.length === 0) return;
    const { settings, runningRules } = await loadedRules();
    const drg = await reviewedDrgOfTab(record);
    const url = record.url;
    await recordChartReview(await database(), {
      snapshot: chartOf(record),
      findings: record.findings,
      privacy: settings.reviewIdentifiers,
      rulesRun: runningRules,
      now: new Date().toISOString(),
      ...(url ? { url, origin: new URL(url).origin } : {}),
      ...(drg ? { drg } : {}),
    });
  } catch (error) {
    // The review record is a history; failing to keep it must not cost the page its findings.
    console.warn('chartlint: could not record this chart in the review record', error);
  }
}

/** Forgets every pending write ("erase all local data"). */
export function forgetPendingReviews(): void {
  for (const entry of charts.values()) clearTimeout(entry.timer);
  charts.clear();
}
