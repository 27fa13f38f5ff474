import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The reading corpus (tests/corpus/pages: EHR styles nobody wrote an adapter for) scored by the
 * shared scorers, through the real CLI, as anyone would run them: the figures may only go up.
 * Floors, not goals: issue 11 asks for 90 % reading and 90 % finding recall; these are the
 * figures reached, so a change that reads less fails here.
 */
const SCORERS = resolve('../shared/tools');
const PAGES = readdirSync('tests/corpus/pages').filter((f) => f.endsWith('.html')).length;
const READING_FLOOR = 88;
const RECALL_FLOOR = 60;

function lastLine(script: string): string {
  const run = spawnSync(process.execPath, [resolve(SCORERS, script), '.'], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split('\n').pop() ?? '';
}

describe.skipIf(!existsSync(SCORERS))('corpus scores (../shared/tools)', () => {
  it(`reads at least ${READING_FLOOR} % of the gold items right`, () => {
    const line = lastLine('score-reading.mjs');
    const score = Number(/^reading: ([\d.]+)%/.exec(line)?.[1]);
    expect(score, line).toBeGreaterThanOrEqual(READING_FLOOR);
  }, 600_000);

  it(`finds at least ${RECALL_FLOOR} % of the planted findings, with at most one false alarm per page`, () => {
    const line = lastLine('score-findings.mjs');
    const m = /finding recall ([\d.]+)% .*false alarms (\d+)/.exec(line);
    expect(m, line).not.toBeNull();
    expect(Number(m![1]), line).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(Number(m![2]), line).toBeLessThanOrEqual(PAGES);
  }, 600_000);
});
