import { useEffect, useState } from 'preact/hooks';
import { parseTable5 } from '../grouper/table5.ts';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';
import { database } from '../storage/database.ts';
import { deleteDrgWeights, getDrgWeights, saveDrgWeights, setBaseRate, type DrgWeightsRecord } from '../storage/drg-weights.ts';

type Status = { kind: 'none' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string; errors?: string[] };

/** Open panels show the new weights once the worker re-checks the charts. */
const tellWorker = (): Promise<unknown> => browser.runtime.sendMessage({ type: 'panel-bg-settings-changed' } satisfies Message).catch(() => undefined);

/**
 * Imports the CMS IPPS Table 5 CSV (MS-DRG relative weights; chartlint ships none) so that the
 * panel's what-if shows weight deltas, and, with a base rate entered here, expected-payment
 * deltas (weight delta × base rate: no wage index, outlier, DSH or IME adjustment).
 */
export function Table5Import() {
  const [current, setCurrent] = useState<DrgWeightsRecord | undefined>();
  const [file, setFile] = useState<File>();
  const [rate, setRate] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'none' });

  const refresh = async () => {
    const record = await getDrgWeights(await database());
    setCurrent(record);
    setRate(record?.baseRate !== undefined ? String(record.baseRate) : '');
  };
  useEffect(() => {
    void refresh();
  }, []);

  const importFile = async (event: Event) => {
    event.preventDefault();
    if (!file) return setStatus({ kind: 'failed', text: 'Choose the Table 5 CSV file first.' });
    const result = parseTable5(await file.text());
    if (!result.ok) return setStatus({ kind: 'failed', text: `Not imported: ${file.name} is not a usable Table 5. The weights in use, if any, stay.`, errors: result.errors });
    const { weights, fiscalYear } = result.table;
    await saveDrgWeights(await database(), {
      source: file.name,
      ...(fiscalYear ? { fiscalYear } : {}),
      importedAt: new Date().toISOString(),
      weights: [...weights].sort((a, b) => a[0] - b[0]),
    });
    setStatus({ kind: 'done', text: `Imported ${file.name}: ${weights.size.toLocaleString('en-US')} DRG weights${fiscalYear ? ` (FY ${fiscalYear})` : ''}. They are now in use.` });
    await refresh();
    await tellWorker();
  };

  const saveRate = async (event: Event) => {
    event.preventDefault();
    const text = rate.trim().replace(/^\$/, '').replaceAll(',', '');
    const value = text === '' ? undefined : Number(text);
    if (value !== undefined && !(Number.isFinite(value) && value > 0 && value < 1_000_000)) {
      return setStatus({ kind: 'failed', text: 'The base rate is a dollar amount per unit of relative weight, such as 6,500.00; leave it empty for weight deltas only.' });
    }
    await setBaseRate(await database(), value);
    setStatus({ kind: 'done', text: value === undefined ? 'Base rate cleared: the what-if shows weight deltas only.' : `Base rate $${value.toLocaleString('en-US')} saved.` });
    await refresh();
    await tellWorker();
  };

  const remove = async () => {
    await deleteDrgWeights(await database());
    setStatus({ kind: 'done', text: 'Weights deleted: the panel shows DRG titles only.' });
    await refresh();
    await tellWorker();
  };

  return (
    <section aria-labelledby="weights-heading" class="options-section">
      <h2 id="weights-heading">MS-DRG relative weights</h2>
      <p class="muted">
        chartlint ships the MS-DRG grouper but no weights: CMS publishes them each year in IPPS Table 5. Import its CSV to see weight and payment deltas in
        the panel’s what-if; without it the panel shows DRG titles only.
      </p>
      <form onSubmit={(e) => void importFile(e)} noValidate>
        <div class="field">
          <label for="table5-file">Table 5 CSV</label>
          <input id="table5-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </div>
        <button type="submit">Import weights</button>
      </form>
      {current && (
        <>
          <p data-testid="weights-current">
            In use: {current.source}
            {current.fiscalYear ? ` (FY ${current.fiscalYear})` : ''}, {current.weights.length.toLocaleString('en-US')} DRGs, imported {current.importedAt.slice(0, 10)}.{' '}
            <button type="button" onClick={() => void remove()}>Delete weights</button>
          </p>
          <form onSubmit={(e) => void saveRate(e)} noValidate>
            <div class="field">
              <label for="table5-rate">Base rate ($ per unit of weight)</label>
              <input id="table5-rate" class="narrow" type="text" inputMode="decimal" value={rate} onInput={(e) => setRate(e.currentTarget.value)} />
              <span class="muted hint">optional: payment delta = weight delta × this rate</span>
            </div>
            <button type="submit">Save base rate</button>
          </form>
        </>
      )}
      {status.kind !== 'none' && (
        <div role={status.kind === 'failed' ? 'alert' : 'status'} class={status.kind === 'failed' ? 'problem' : ''} data-testid="weights-status">
          <p>{status.text}</p>
          {status.kind === 'failed' && status.errors && (
            <ul>
              {status.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
