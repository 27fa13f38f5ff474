import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The reading corpora (EHR styles nobody wrote an adapter for) scored by the shared scorers,
 * through the real CLI, as anyone would run them: the figures may only go up. Floors, not
 * goals: issue 11 asks for 90 % reading and 90 % finding recall on tests/corpus/pages; these
 * are the figures reached (rounded down), so a change that reads less fails here. unseen,
 * unseen-2 and unseen-3 were held out once and are development sets now: they keep their floors too.
 */
const SCORERS = resolve('../shared/tools');
const CORPORA = [
  { dir: 'tests/corpus/pages', reading: 90, recall: 82 },
  { dir: 'tests/corpus/unseen', reading: 81, recall: 69 },
  // 72 % with a two-identifier rule; patient-identifier-missing asks for all three (DOMAIN.md).
  { dir: 'tests/corpus/unseen-2', reading: 77, recall: 69 },
  { dir: 'tests/corpus/unseen-3', reading: 81, recall: 69 },
] as const;

function lastLine(script: string, dir: string): Promise<{ status: number | null; line: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(SCORERS, script), '.', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (status) => done({ status, line: out.trim().split('\n').pop() ?? '', stderr: err }));
  });
}

describe.skipIf(!existsSync(SCORERS))('corpus scores (../shared/tools)', () => {
  // All six scorer runs at once: each is a CLI over a folder, and together they take a few minutes.
  const results = new Map<string, { status: number | null; line: string; stderr: string }>();
  beforeAll(async () => {
    const runs = CORPORA.flatMap(({ dir }) => (['score-reading.mjs', 'score-findings.mjs'] as const).map(async (script) => {
      results.set(`${script} ${dir}`, await lastLine(script, dir));
    }));
    await Promise.all(runs);
  }, 900_000);

  describe.each(CORPORA)('$dir', ({ dir, reading, recall }) => {
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).length;

    it(`reads at least ${reading} % of the gold items right`, () => {
      const run = results.get(`score-reading.mjs ${dir}`)!;
      expect(run.status, run.stderr).toBe(0);
      const score = Number(/^reading: ([\d.]+)%/.exec(run.line)?.[1]);
      expect(score, run.line).toBeGreaterThanOrEqual(reading);
    });

    it(`finds at least ${recall} % of the planted findings, with at most one false alarm per page`, () => {
      const run = results.get(`score-findings.mjs ${dir}`)!;
      expect(run.status, run.stderr).toBe(0);
      const m = /finding recall ([\d.]+)% .*false alarms (\d+)/.exec(run.line);
      expect(m, run.line).not.toBeNull();
      expect(Number(m![1]), run.line).toBeGreaterThanOrEqual(recall);
      expect(Number(m![2]), run.line).toBeLessThanOrEqual(pages);
    });
  });
});
