import { describe, expect, it } from 'vitest';
import { progressBar } from '../../../src/cli/progress-bar.ts';

const stream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, isTTY, columns: 80, write: (text: string) => writes.push(text) };
};

describe('the progress bar', () => {
  it('draws nothing when stderr is not a terminal (CI logs, pipes)', () => {
    const err = stream(false);
    const bar = progressBar(10, err);
    for (let done = 1; done <= 10; done++) bar.update(done);
    bar.clear();
    expect(err.writes).toEqual([]);
  });

  it('redraws in place on a terminal, at most every 100 ms but always at the end, and clears its line', () => {
    const err = stream(true);
    let clock = 0;
    const bar = progressBar(4, err, () => clock);
    bar.update(1);
    bar.update(2); // same instant: skipped
    clock = 150;
    bar.update(3);
    bar.update(4); // the last one is always drawn
    bar.clear();
    expect(err.writes).toEqual([
      `\r[${'#'.repeat(8)}${'.'.repeat(22)}] 1/4 charts`,
      `\r[${'#'.repeat(23)}${'.'.repeat(7)}] 3/4 charts`,
      `\r[${'#'.repeat(30)}] 4/4 charts`,
      '\r\x1b[2K',
    ]);
  });

  it('lets a message through on a clean line and draws again after it', () => {
    const err = stream(true);
    const bar = progressBar(3, err, () => 0);
    bar.update(1);
    bar.clear();
    err.write('chartlint audit: x.html: is empty\n');
    bar.update(2);
    expect(err.writes.slice(1)).toEqual(['\r\x1b[2K', 'chartlint audit: x.html: is empty\n', `\r[${'#'.repeat(20)}${'.'.repeat(10)}] 2/3 charts`]);
  });
});
