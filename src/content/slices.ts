/**
 * chartlint's work on the EHR page, cut into slices that each end well before a long task
 * (50 ms): between slices the page runs its own tasks, input first. Each slice is a
 * `chartlint-read` measure in the page's performance timeline, so the cost chartlint puts on the
 * page can be seen in DevTools and asserted in the e2e tests.
 */

/** One slice runs at most this long before it yields (checked every few hundred nodes). */
export const SLICE_MS = 8;

/**
 * Resolves in a later task, by a message round trip: the page's own tasks and the browser's
 * (garbage collection, rendering) run in between, and each slice is a task of its own that
 * Chromium's long-task timing sees. Not `scheduler.yield`: measured in Chromium 150, the
 * continuations it runs are invisible to long-task timing, and run ahead of the page's tasks.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves when the page is idle (or after `timeoutMs`): `requestIdleCallback` where the browser has it, else the next task. */
export function pageIdle(timeoutMs = 1000): Promise<void> {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number }).requestIdleCallback;
  if (typeof idle !== 'function') return nextTask();
  return new Promise((resolve) => idle(() => resolve(), { timeout: timeoutMs }));
}

/** Times the slices of one piece of work and yields between them. */
export class Slices {
  /** Main-thread time of every slice so far, in ms. */
  total = 0;
  /** When the first slice began (performance.now()). */
  readonly firstStart: number;
  private started: number;

  constructor(private readonly sliceMs = SLICE_MS) {
    this.started = performance.now();
    this.firstStart = this.started;
  }

  /** The current slice has run its time: yield before doing more. */
  get due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Ends the current slice, lets the page run, and begins the next. */
  async yield(what = ''): Promise<void> {
    this.end(what);
    await nextTask();
    this.started = performance.now();
  }

  /**
   * Ends the current slice and waits for `work` done elsewhere (another process reading the
   * page): the wait is no time of the page's, and the next slice begins when it is over.
   */
  async wait<T>(work: Promise<T>, what = ''): Promise<T> {
    this.end(what);
    try {
      return await work;
    } finally {
      this.started = performance.now();
    }
  }

  /** Ends the current slice (the work is done, or continues in a later task); `what` it did is the measure's detail. */
  end(what = ''): void {
    const now = performance.now();
    this.total += now - this.started;
    measure('chartlint-read', this.started, now - this.started, what);
    this.started = now;
  }
}

/**
 * A measure in the page's timeline. Bounded: a day of typing must not grow the page's timeline
 * without end. Never throws (a page may have replaced `performance`).
 */
export function measure(name: string, start: number, duration: number, detail?: string): void {
  try {
    if (performance.getEntriesByName(name).length > 500) performance.clearMeasures(name);
    performance.measure(name, { start, duration, detail });
  } catch {
    // No timeline on this page: nothing to record.
  }
}
