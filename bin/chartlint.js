#!/usr/bin/env node
// The `chartlint` command. Runs the bundle in dist-cli/ (built by `npm ci` / `npm install`
// through `prepare`, see scripts/build-cli.ts) when it is there and up to date; otherwise the
// TypeScript sources through tsx, so an edit is live at once while developing.
//
// Up to date, cheaply: dist-cli/inputs.json lists the repository files the bundle was built
// from and when the build began; one stat per file (a few hundred, ~2 ms) says whether any
// changed since or is gone. A new source file only matters once an existing one imports it,
// and that edit shows. CHARTLINT_FROM_SOURCE=1 forces the sources.
import { readFileSync, statSync } from 'node:fs';

const bundleDir = new URL('../dist-cli/', import.meta.url);
const root = new URL('../', import.meta.url);

function freshBundle() {
  if (process.env.CHARTLINT_FROM_SOURCE) return undefined;
  try {
    const { entry, startedAt, inputs } = JSON.parse(readFileSync(new URL('inputs.json', bundleDir), 'utf8'));
    if (typeof startedAt !== 'number') return undefined; // built by an older build script
    const entryUrl = new URL(entry, bundleDir);
    statSync(entryUrl); // the bundle itself is there
    for (const input of inputs) {
      if (statSync(new URL(input, root)).mtimeMs >= startedAt) return undefined;
    }
    return entryUrl.href;
  } catch {
    return undefined; // no bundle, or an input is gone: run from source
  }
}

const bundle = freshBundle();
let main;
if (bundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
