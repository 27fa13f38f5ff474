import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, in a fresh profile. The flags keep
 * Chromium off the (closed) network: chartlint itself makes no requests, and neither should
 * the browser we test it in.
 */
export async function launchWithExtension(opts: { dist?: string; headless?: boolean; extraArgs?: string[] } = {}): Promise<ExtensionBrowser> {
  // CHARTLINT_DIST: a build elsewhere (`vite build --outDir ...`), so parallel work does not share dist/.
  const dist = resolve(opts.dist ?? process.env.CHARTLINT_DIST ?? 'dist');
  const profile = mkdtempSync(join(tmpdir(), 'chartlint-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    viewport: null,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', '--disable-default-apps',
      `--disable-extensions-except=${dist}`, `--load-extension=${dist}`,
      ...(opts.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
