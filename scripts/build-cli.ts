/**
 * Build step (run by `npm ci` / `npm install` through `prepare`): bundles the CLI into
 * dist-cli/ so `bin/chartlint.js` starts without transpiling TypeScript on every run.
 *
 * - esbuild, which vite and tsx already bring (no new dependency); npm packages stay external
 *   and resolve from node_modules at run time.
 * - Every chunk sits directly in dist-cli/, one level below the repository root, and each
 *   module's `import.meta.url` is rewritten to its source file's URL computed from there, so
 *   code that finds files beside itself (rules/, ../shared/codesets) finds them as under tsx.
 * - The generated tables (the starter code table, the compact grouper tables) are read from
 *   src/codes/generated/ when first needed, not copied in, so rebuilding them does not make the
 *   bundle stale.
 * - dist-cli/inputs.json lists the repository files the bundle was built from and when the build
 *   began; bin/chartlint.js falls back to tsx when any of them changed since.
 *
 *   npx tsx scripts/build-cli.ts
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, 'dist-cli');
const GENERATED_TABLES = /[\\/]generated[\\/](?:starter-codes|grouper-tables)\.json$/;

/** `import.meta.url` of a source file, as seen from a chunk in dist-cli/. */
const sourceUrls: Plugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const fromChunk = JSON.stringify(`../${relative(root, args.path).split('\\').join('/')}`);
      return { contents: source.replaceAll('import.meta.url', `new URL(${fromChunk}, import.meta.url).href`), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** The generated tables, read from the repository when their module is first evaluated. */
const generatedTablesAtRunTime: Plugin = {
  name: 'generated-tables-at-run-time',
  setup(b) {
    b.onResolve({ filter: GENERATED_TABLES }, (args) => ({ path: resolve(args.resolveDir, args.path), namespace: 'generated-table' }));
    b.onLoad({ filter: /.*/, namespace: 'generated-table' }, (args) => {
      const fromChunk = JSON.stringify(`../${relative(root, args.path).split('\\').join('/')}`);
      return {
        contents: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(new URL(${fromChunk}, import.meta.url), 'utf8'));\n`,
        loader: 'js',
      };
    });
  },
};

const started = performance.now();
// Inputs are compared with the moment the build began, so an edit made while it ran still counts.
const startedAt = Date.now();
await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: resolve(root, 'src/cli/main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  metafile: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [sourceUrls, generatedTablesAtRunTime],
});
const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes(':') && !p.startsWith('node_modules/')).sort();
// The bin decides staleness from this list: each input's mtime against the build's start.
await writeFile(resolve(outdir, 'inputs.json'), `${JSON.stringify({ entry: 'main.js', startedAt, inputs }, null, 1)}\n`);
const bytes = Object.entries(result.metafile.outputs).filter(([p]) => p.endsWith('.js')).reduce((n, [, o]) => n + o.bytes, 0);
console.log(`cli bundle: ${inputs.length} source files -> ${relative(root, outdir)}/ (${(bytes / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
