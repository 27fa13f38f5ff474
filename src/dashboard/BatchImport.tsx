import { useState } from 'preact/hooks';
import { database } from '../storage/database.ts';
import { importBatchResults, type BatchImportCounts } from '../storage/review-import.ts';

const PROBLEMS_LISTED = 20;

/** Brings a `chartlint audit --format ndjson` run into the review record, beside the browser's charts. */
export function BatchImport({ onImported }: { onImported: () => Promise<void> }) {
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<{ name: string; counts: BatchImportCounts }>();

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setResult(undefined);
    setStatus(`Importing ${file.name}…`);
    try {
      const counts = await importBatchResults(await database(), await file.text(), file.name, new Date().toISOString());
      setResult({ name: file.name, counts });
      setStatus(
        `Imported ${file.name}: ${counts.charts} charts, ${counts.findings} findings, ${counts.resolved} resolved since the last import` +
          (counts.problems.length > 0 ? `; ${counts.problems.length} lines skipped.` : '.'),
      );
      await onImported();
    } catch (problem) {
      setStatus(`${file.name} could not be imported: ${(problem as Error).message}`);
    }
    input.value = ''; // the same file may be imported again after a new run
  };

  return (
    <section class="batch-import" aria-labelledby="batch-import-heading">
      <h2 id="batch-import-heading">Import batch results</h2>
      <p class="muted">
        The output of <code>chartlint audit FOLDER --format ndjson &gt; run.ndjson</code>. It is read here, in this browser; nothing is uploaded.
      </p>
      <label>
        Import batch results (ndjson){' '}
        <input type="file" accept=".ndjson,.jsonl,.json,application/x-ndjson,text/plain" onChange={(event) => void onFile(event.currentTarget)} />
      </label>
      <p role="status" data-testid="import-status">{status}</p>
      {result && result.counts.problems.length > 0 && (
        <ul class="import-problems" data-testid="import-problems">
          {result.counts.problems.slice(0, PROBLEMS_LISTED).map((problem) => (
            <li key={problem.line}>Line {problem.line}: {problem.message}</li>
          ))}
          {result.counts.problems.length > PROBLEMS_LISTED && <li>… and {result.counts.problems.length - PROBLEMS_LISTED} more</li>}
        </ul>
      )}
    </section>
  );
}
