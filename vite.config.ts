import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

type Manifest = typeof manifest & Record<string, unknown>;

/**
 * Firefox reads the same extension with a few manifest differences: an event page
 * (background.scripts) instead of a service worker, `sidebar_action` instead of `side_panel`,
 * and a gecko id. Everything else is shared.
 */
function firefoxManifest(chrome: Manifest): ManifestV3Export {
  const { side_panel, key: _key, minimum_chrome_version: _min, ...rest } = chrome;
  return {
    ...rest,
    permissions: rest.permissions.filter((p) => p !== 'sidePanel'),
    background: { scripts: [rest.background.service_worker], type: 'module' },
    sidebar_action: { default_panel: side_panel.default_path, default_title: 'chartlint', default_icon: rest.icons['48'] },
    browser_specific_settings: { gecko: { id: 'chartlint@chartlint.dev', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } },
  } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
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
      rollupOptions: firefox ? { input: { sidebar: 'src/sidepanel/index.html' } } : {},
    },
  };
});
