import type { Page } from 'playwright-core';

/**
 * chartlint's work on an EHR page, seen two ways: its own slices in the page's performance
 * timeline (`chartlint-read` measures), and the page's long tasks, attributed to chartlint's
 * scripts through long-animation-frame script timing where Chromium gives it. Shared by
 * hostile-long-tasks.test.ts and large-page.test.ts.
 */
export const LONG_TASK_MS = 50;

export interface Timeline {
  slices: { start: number; duration: number; what: string }[];
  longTasks: { start: number; duration: number }[];
  extensionScripts: { start: number; duration: number; source: string; invoker: string }[];
}

/** Runs in the page before its own scripts (an init script): records long tasks and long animation frames. */
export function recordLongTasks(): void {
  const seen = { longTasks: [] as unknown[], frames: [] as unknown[] };
  (window as unknown as { __chartlintLongTasks: typeof seen }).__chartlintLongTasks = seen;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e as unknown as { scripts?: { startTime: number; duration: number; sourceURL: string; invoker: string }[] }).scripts ?? [];
        seen.frames.push(...scripts.map((s) => ({ start: s.startTime, duration: s.duration, source: s.sourceURL, invoker: s.invoker })));
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // An entry type this Chromium lacks: the measures still hold chartlint's slices.
  }
}

export async function timelineOf(page: Page): Promise<Timeline> {
  return page.evaluate(() => {
    const seen = (window as unknown as { __chartlintLongTasks: { longTasks: Timeline['longTasks']; frames: Timeline['extensionScripts'] } }).__chartlintLongTasks;
    return {
      slices: performance.getEntriesByName('chartlint-read').map((e) => ({ start: e.startTime, duration: e.duration, what: String((e as PerformanceMeasure).detail ?? '') })),
      longTasks: seen.longTasks,
      extensionScripts: seen.frames.filter((s) => s.source.startsWith('chrome-extension://')),
    };
  });
}

/** Long tasks of chartlint's: slices over 50 ms, scripts of the extension over 50 ms, and the page's long tasks that overlap a slice. */
export function chartlintLongTasks(timeline: Timeline): { slices: Timeline['slices']; scripts: Timeline['extensionScripts']; overlapping: Timeline['longTasks'] } {
  return {
    slices: timeline.slices.filter((slice) => slice.duration > LONG_TASK_MS),
    scripts: timeline.extensionScripts.filter((script) => script.duration > LONG_TASK_MS),
    overlapping: timeline.longTasks.filter((t) => timeline.slices.some((s) => s.start < t.start + t.duration && t.start < s.start + s.duration)),
  };
}
