import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportProgress } from '../codes/import-progress.ts';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';
import type { ReleaseSystem } from '../storage/db.ts';
import type { FromImportWorker, ToImportWorker } from './code-import-protocol.ts';
import { CODE_SYSTEMS, currentFiscalYear } from './code-systems.ts';
import { ReleaseList } from './ReleaseList.tsx';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress?: ImportProgress }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

/**
 * Imports an official code-set release (next October's, or an April update) into IndexedDB, in a
 * worker so the page stays responsive; shows progress, can be cancelled, and says in words what
 * was wrong with a file. The previous release stays active until an import completes.
 */
export function CodeSetImport() {
  const [system, setSystem] = useState<ReleaseSystem>('icd10cm');
  const [year, setYear] = useState(String(currentFiscalYear()));
  const [file, setFile] = useState<File>();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [listVersion, setListVersion] = useState(0);
  const worker = useRef<Worker | undefined>(undefined);
  const info = CODE_SYSTEMS.find((s) => s.system === system)!;

  useEffect(() => () => worker.current?.terminate(), []);

  const start = (event: Event) => {
    event.preventDefault();
    const fiscalYear = Number(year);
    if (!file) return setState({ kind: 'failed', text: 'Choose a release file first.' });
    if (info.needsYear && !(Number.isInteger(fiscalYear) && fiscalYear >= 2015 && fiscalYear <= 2100)) {
      return setState({ kind: 'failed', text: 'Enter the fiscal year of this code list (e.g. 2027 for codes from 1 October 2026).' });
    }
    worker.current ??= new Worker(new URL('./code-import-worker.ts', import.meta.url), { type: 'module' });
    worker.current.onmessage = (message: MessageEvent<FromImportWorker>) => void onWorker(message.data);
    worker.current.onerror = (error) => setState({ kind: 'failed', text: `The import stopped unexpectedly: ${error.message}` });
    setState({ kind: 'running' });
    const request: ToImportWorker = { type: 'start', system, file, ...(info.needsYear ? { fiscalYear } : {}) };
    worker.current.postMessage(request);
  };

  const onWorker = async (message: FromImportWorker) => {
    switch (message.type) {
      case 'progress':
        setState({ kind: 'running', progress: message.progress });
        return;
      case 'failed':
        setState({ kind: 'failed', text: `Not imported. ${message.message}. The previous release, if any, is still in use.` });
        setListVersion((v) => v + 1);
        return;
      case 'done': {
        const { record } = message;
        const counts = Object.entries(record.counts).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ');
        setState({ kind: 'done', text: `Imported ${record.source}: FY${record.fiscalYear}, ${counts}, in ${message.seconds.toFixed(1)} s. It is now in use.` });
        setListVersion((v) => v + 1);
        await browser.runtime.sendMessage({ type: 'panel-bg-codes-imported' } satisfies Message).catch(() => undefined);
        return;
      }
    }
  };

  const cancel = () => worker.current?.postMessage({ type: 'cancel' } satisfies ToImportWorker);
  const running = state.kind === 'running';
  const progress = running ? state.progress : undefined;

  return (
    <section aria-labelledby="codes-heading" class="options-section">
      <h2 id="codes-heading">Code sets</h2>
      <p class="muted">chartlint ships a starter ICD-10-CM table. Import the official release files (public domain) when CMS and CDC publish them; nothing is downloaded.</p>
      <form onSubmit={start} noValidate>
        <div class="field">
          <label for="codes-system">Kind of file</label>
          <select id="codes-system" value={system} disabled={running} onChange={(e) => setSystem(e.currentTarget.value as ReleaseSystem)}>
            {CODE_SYSTEMS.map((s) => <option key={s.system} value={s.system}>{s.label}</option>)}
          </select>
          <span class="muted hint">{info.file}</span>
        </div>
        {info.needsYear && (
          <div class="field">
            <label for="codes-year">Fiscal year</label>
            <input id="codes-year" class="narrow" type="text" inputMode="numeric" value={year} disabled={running} onInput={(e) => setYear(e.currentTarget.value)} />
          </div>
        )}
        <div class="field">
          <label for="codes-file">Release file</label>
          <input id="codes-file" type="file" accept=".txt,.gz,.xml,.json,.tsv" disabled={running} onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </div>
        <button type="submit" disabled={running}>Import</button>{' '}
        {running && <button type="button" onClick={cancel}>Cancel</button>}
      </form>
      {running && (
        <p>
          <label for="codes-progress">{progress ? `${progress.phase}: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} ${progress.unit}` : 'Reading the file…'}</label>{' '}
          <progress id="codes-progress" max={progress?.total ?? 1} value={progress?.done ?? 0} />
        </p>
      )}
      {(state.kind === 'done' || state.kind === 'failed') && (
        <p role={state.kind === 'failed' ? 'alert' : 'status'} class={state.kind === 'failed' ? 'problem' : ''} data-testid="codes-status">{state.text}</p>
      )}
      <ReleaseList version={listVersion} />
    </section>
  );
}
