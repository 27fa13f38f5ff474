/** The part of a stream the bar needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressBar {
  update(done: number): void;
  /** Clears the bar, so a message (or the summary) starts on a clean line; the next update redraws it. */
  clear(): void;
}

const WIDTH = 30;
/** Redraw at most this often: a fast batch must not spend its time painting. */
const REDRAW_MS = 100;

/**
 * `[#######.......]  12/40 charts` redrawn in place on stderr, only when stderr is a terminal:
 * in CI logs and pipes a bar is noise (carriage returns, one line per redraw), so there is none.
 */
export function progressBar(total: number, stream: ProgressStream, now: () => number = Date.now): ProgressBar {
  if (!stream.isTTY || total < 2) return { update: () => {}, clear: () => {} };
  let drawnAt = -Infinity;
  let drawn = false;
  const draw = (done: number): void => {
    const filled = Math.round((done / total) * WIDTH);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} charts`;
    stream.write(`\r${line.slice(0, Math.max(1, (stream.columns ?? 80) - 1))}`);
    drawn = true;
  };
  return {
    update(done) {
      if (done < total && drawn && now() - drawnAt < REDRAW_MS) return;
      drawnAt = now();
      draw(done);
    },
    clear() {
      if (!drawn) return;
      stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
