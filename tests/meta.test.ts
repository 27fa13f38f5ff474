import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOM_ADAPTERS } from '../src/chart/adapters/index.ts';

// Checks of the project itself: the promises chartlint makes (privacy, one polyfill import,
// host access only where the user allows) hold in the code as written.

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const sources = filesUnder('src', /\.(ts|tsx)$/).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as {
  host_permissions: string[];
  optional_host_permissions: string[];
  permissions: string[];
  content_scripts: { matches: string[] }[];
};

describe('privacy and safety', () => {
  it('makes no network request anywhere in src/', () => {
    const network = /\bfetch\(|XMLHttpRequest|new WebSocket|sendBeacon|EventSource\(|navigator\.connection/;
    expect(sources.filter((s) => network.test(s.text)).map((s) => s.path)).toEqual([]);
  });

  it('never evaluates strings as code', () => {
    const evaluation = /\beval\(|new Function\(|setTimeout\(\s*['"`]|innerHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML/;
    expect(sources.filter((s) => evaluation.test(s.text)).map((s) => s.path)).toEqual([]);
  });

  it('imports webextension-polyfill in exactly one module', () => {
    // Type-only imports cost nothing at run time; a value import loads the polyfill.
    const valueImport = /^import (?!type\b)[^;]*from 'webextension-polyfill'/m;
    const importers = sources.filter((s) => valueImport.test(s.text));
    expect(importers.map((s) => s.path)).toEqual(['src/shared/browser.ts']);
  });

  it('asks for host access only to the demo origins, and for the rest only at run time', () => {
    const everySite = ['<all_urls>', '*://*/*'];
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.host_permissions.some((p) => everySite.includes(p))).toBe(false);
    expect(manifest.content_scripts.flatMap((c) => c.matches)).toEqual(manifest.host_permissions);
    expect(manifest.permissions.sort()).toEqual(['contextMenus', 'offscreen', 'scripting', 'sidePanel', 'storage']);
  });
});

describe('the project checks itself', () => {
  const packs = readdirSync('rules').filter((name) => statSync(join('rules', name)).isDirectory() && name !== 'adapters');
  const rules = packs.flatMap((pack) =>
    readdirSync(join('rules', pack))
      .filter((name) => name.endsWith('.json') && !name.endsWith('.cases.json') && name !== 'pack.json')
      .map((name) => ({ pack, name, path: join('rules', pack, name) })),
  );

  it('finds the rule packs', () => {
    expect(packs).toEqual(expect.arrayContaining(['authentication', 'completeness', 'coding']));
    expect(rules.length).toBeGreaterThan(30);
  });

  it.each(rules)('$pack/$name: id is the file name, pack the folder, with a citation and cases that fire and stay quiet', ({ pack, name, path }) => {
    const rule = JSON.parse(readFileSync(path, 'utf8')) as { id: string; pack: string; citation: string };
    expect(rule.id).toBe(name.replace(/\.json$/, ''));
    expect(rule.pack).toBe(pack);
    expect(rule.citation.trim().length).toBeGreaterThan(3);
    const cases = JSON.parse(readFileSync(path.replace(/\.json$/, '.cases.json'), 'utf8')) as { expect: unknown[] }[];
    expect(cases.some((c) => c.expect.length > 0)).toBe(true);
    expect(cases.some((c) => c.expect.length === 0)).toBe(true);
  });

  it.each(DOM_ADAPTERS.map((a) => a.id))('adapter %s has its own tests', (id) => {
    const tests = readdirSync('tests/unit/chart');
    expect(tests.some((name) => name.startsWith(`${id}.`) || name.startsWith(`${id}-`))).toBe(true);
  });
});
