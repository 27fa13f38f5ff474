import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

// `npm run build:firefox` must give Firefox a build it accepts: the same extension with a
// sidebar and an event page, and no web-ext lint errors.
describe('Firefox build', () => {
  it('builds dist-firefox/ with a sidebar and passes web-ext lint with no errors', () => {
    execFileSync('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'error'], { stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync('dist-firefox/manifest.json', 'utf8')) as Record<string, unknown>;
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'src/sidepanel/index.html' });
    expect(manifest.background).toMatchObject({ scripts: [expect.any(String)] });
    expect(manifest).not.toHaveProperty('side_panel');
    const output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', 'dist-firefox', '--self-hosted', '--output', 'json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const report = JSON.parse(output) as { errors: LintMessage[]; warnings: LintMessage[] };
    expect(report.errors).toEqual([]);
    // jsonpath-plus and its Function() evaluator are kept out of the bundle (vite.config.ts).
    const bundled = readdirSync('dist-firefox/assets').map((name) => readFileSync(`dist-firefox/assets/${name}`, 'utf8'));
    expect(bundled.some((code) => code.includes('node_modules/jsonpath-plus'))).toBe(false);
  });
});
