import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

type Manifest = typeof manifest & Record<string, unknown>;

const REVIEW_PAGES = { worklist: 'src/worklist/index.html', dashboard: 'src/dashboard/index.html' };

/**
 * Firefox reads the same extension with a few manifest differences: an event page
 * (background.scripts) instead of a service worker, `sidebar_action` instead of `side_panel`,
 * and a gecko id. Everything else is shared.
 */
function firefoxManifest(chrome: Manifest): ManifestV3Export {
  const { side_panel, key: _key, minimum_chrome_version: _min, ...rest } = chrome;
  return {
    ...rest,
    // No offscreen documents in Firefox: its event page reads large pages itself (markup-reading.ts).
    permissions: rest.permissions.filter((p) => p !== 'sidePanel' && p !== 'offscreen'),
    background: { scripts: [rest.background.service_worker], type: 'module' },
    sidebar_action: { default_panel: side_panel.default_path, default_title: 'chartlint', default_icon: rest.icons['48'] },
    browser_specific_settings: { gecko: { id: 'chartlint@chartlint.dev', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } },
  } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  // The pages no manifest key names: Firefox's sidebar; Chrome's offscreen document (large pages are read there).
  const input: Record<string, string> = firefox ? { sidebar: 'src/sidepanel/index.html' } : { offscreen: 'src/offscreen/index.html' };
  return {
    plugins: [
      preact(),
      crx({
        manifest: firefox ? firefoxManifest(manifest) : manifest,
        browser: firefox ? 'firefox' : 'chrome',
        // One self-contained file: no loader, so the same script can be registered at run
        // time for sites the user enables, without web-accessible resources.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    resolve: {
      alias: { 'jsonpath-plus': fileURLToPath(new URL('src/engine/jsonpath-disabled.ts', import.meta.url)) },
    },
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      // Readable output: reviewers of an extension that reads medical records should be able
      // to read what it runs.
      minify: false,
      sourcemap: false,
      // The pages no manifest key names (above), and the worklist and dashboard: built as inputs of their own.
      rollupOptions: { input: { ...input, ...REVIEW_PAGES } },
    },
  };
});
