import { useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';
import { eraseAllLocalData } from '../storage/erase-all.ts';
import { DEFAULT_USER_SETTINGS, type UserSettings } from '../storage/settings.ts';
import { database } from '../storage/database.ts';
import type { IdentifierPrivacy } from '../storage/review-types.ts';
import type { UpdateSettings } from './use-settings.ts';

/** How long the audit trail, dismissals and the review record are kept, what the review record keeps of the patient, and erasing everything chartlint stored. */
export function LocalData({ settings, update, onErased }: { settings: UserSettings; update: UpdateSettings; onErased: () => Promise<void> }) {
  const [days, setDays] = useState(String(settings.retentionDays));
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const daysValue = Number(days);
  const daysError = Number.isInteger(daysValue) && daysValue >= 0 ? undefined : 'Enter a whole number of days (0 keeps everything until you erase it).';

  const saveRetention = async (event: Event) => {
    event.preventDefault();
    if (daysError) return;
    await update((s) => ({ ...s, retentionDays: daysValue }));
    setStatus(daysValue === 0 ? 'Saved: dismissals and the audit trail are kept until you erase them.' : `Saved: dismissals and audit events older than ${daysValue} days are deleted.`);
  };

  const erase = async () => {
    setConfirming(false);
    setStatus('Erasing…');
    try {
      await eraseAllLocalData(await database());
      // The worker's per-tab readings (in memory and session storage) go too.
      await browser.runtime.sendMessage({ type: 'panel-bg-erased' } satisfies Message).catch(() => browser.storage.session.clear());
      await onErased();
      setDays(String(DEFAULT_USER_SETTINGS.retentionDays));
      setStatus('Erased: dismissals, audit trail, review record, settings, imported code sets, DRG weights and site profiles. Open charts are checked again with the defaults.');
    } catch (error) {
      setStatus(`Could not erase everything: ${(error as Error).message}`);
    }
  };

  return (
    <section aria-labelledby="data-heading" class="options-section">
      <h2 id="data-heading">Data on this computer</h2>
      <p class="muted">chartlint keeps everything in this browser profile; nothing is sent anywhere.</p>
      <form onSubmit={(event) => void saveRetention(event)} noValidate>
        <div class="field">
          <label for="retention-days">Keep dismissals, the audit trail and the review record for (days)</label>
          <input id="retention-days" class="narrow" type="text" inputMode="numeric" value={days} aria-invalid={daysError ? 'true' : undefined} onInput={(e) => setDays(e.currentTarget.value)} />
          {daysError && <span class="problem">{daysError}</span>}
        </div>
        <button type="submit" disabled={!!daysError}>Save retention</button>
      </form>
      <ReviewIdentifiers settings={settings} update={update} />
      <h3>Erase all local data</h3>
      <p class="muted">Deletes dismissals, the audit trail, the review record (charts reviewed, findings, queries, code decisions), every setting (packs, thresholds, custom packs, the pre-submission check) and imported code sets. Site access stays; revoke it above.</p>
      {!confirming && <button type="button" class="danger" onClick={() => setConfirming(true)}>Erase all local data…</button>}
      {confirming && (
        <div role="alertdialog" aria-labelledby="erase-confirm" class="confirm">
          <p id="erase-confirm">Erase everything chartlint stored in this browser? This cannot be undone.</p>
          <button type="button" class="danger" onClick={() => void erase()}>Erase everything</button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>Keep my data</button>
        </div>
      )}
      {status && <p role="status" data-testid="data-status">{status}</p>}
    </section>
  );
}

const IDENTIFIER_CHOICES: { value: IdentifierPrivacy; label: string }[] = [
  { value: 'hash-identifiers', label: 'Keep only a one-way hash of the patient identifiers (default)' },
  { value: 'store-identifiers', label: 'Keep the patient’s name and MRN, so the worklist can show them' },
];

/** Whether the review record (worklist, dashboard) keeps who each chart is about. */
function ReviewIdentifiers({ settings, update }: { settings: UserSettings; update: UpdateSettings }) {
  const [status, setStatus] = useState('');
  const choose = async (value: IdentifierPrivacy) => {
    await update((s) => ({ ...s, reviewIdentifiers: value }));
    setStatus(value === 'store-identifiers' ? 'Saved: names and MRNs are kept for charts reviewed from now on.' : 'Saved: only the hash is kept; names and MRNs go from each chart when it is next reviewed.');
  };
  return (
    <fieldset class="field" aria-describedby="review-identifiers-help">
      <legend>Patient identifiers in the review record</legend>
      <p id="review-identifiers-help" class="muted">
        The review record keeps every chart you review, for the worklist and dashboard; by default it knows a chart only by a hash of the patient’s MRN, date of birth and name, which cannot be turned back into them.
      </p>
      {IDENTIFIER_CHOICES.map(({ value, label }) => (
        <label key={value}>
          <input type="radio" name="review-identifiers" value={value} checked={settings.reviewIdentifiers === value} onChange={() => void choose(value)} /> {label}
        </label>
      ))}
      {status && <p role="status" data-testid="review-identifiers-status">{status}</p>}
    </fieldset>
  );
}
