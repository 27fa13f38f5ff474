/**
 * Imports a code-set release off the options page's main thread: the importers parse a whole
 * release synchronously (hundreds of milliseconds for ICD-10-CM), which would freeze the page
 * and its progress bar. Same code as everywhere else: gunzip at the boundary, importRelease.
 */
import { gunzipIfNeeded } from '../codes/gunzip.ts';
import { importRelease } from '../storage/codesets.ts';
import { openChartlintDb } from '../storage/db.ts';
import type { FromImportWorker, ToImportWorker } from './code-import-protocol.ts';

const scope = globalThis as unknown as {
  postMessage(message: FromImportWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToImportWorker>) => void): void;
};
let controller: AbortController | undefined;

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'cancel') controller?.abort();
  else void run(message);
});

async function run(request: Extract<ToImportWorker, { type: 'start' }>): Promise<void> {
  controller = new AbortController();
  const started = performance.now();
  const db = await openChartlintDb();
  try {
    const bytes = await gunzipIfNeeded(new Uint8Array(await request.file.arrayBuffer())).catch(() => {
      throw new Error(`${request.file.name}: the gzip file is damaged or cut short; download it again`);
    });
    const record = await importRelease(db, {
      system: request.system,
      input: bytes,
      source: request.file.name,
      ...(request.fiscalYear === undefined ? {} : { fiscalYear: request.fiscalYear }),
      signal: controller.signal,
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
    });
    scope.postMessage({ type: 'done', record, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // Importers name the kind of file; the user needs to know which of theirs it was.
    scope.postMessage({ type: 'failed', message: text.startsWith(request.file.name) ? text : `${request.file.name}: ${text}` });
  } finally {
    db.close();
  }
}
