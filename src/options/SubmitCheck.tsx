import { useState } from 'preact/hooks';
import type { GuardSettings, UserSettings } from '../storage/settings.ts';
import { buttonPatternError, SEVERITIES, siteOrigin } from './guard-form.ts';
import { GuardSiteRow } from './GuardSiteRow.tsx';
import type { UpdateSettings } from './use-settings.ts';


/** The pre-submission check: on or off, what blocks, which buttons count, and per-site exceptions. */
export function SubmitCheck({ settings, update }: { settings: UserSettings; update: UpdateSettings }) {
  const [guard, setGuardState] = useState<GuardSettings>(settings.guard);
  const [sites, setSitesState] = useState(settings.guardBySite);
  const [newSite, setNewSite] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  const patternError = buttonPatternError(guard.actionButtons);
  // "Saved" describes the form as saved; any later edit makes it untrue.
  const setGuard = (next: GuardSettings) => {
    setGuardState(next);
    setStatus('');
  };
  const setSites = (next: Record<string, Partial<GuardSettings>>) => {
    setSitesState(next);
    setStatus('');
  };

  const addSite = () => {
    const origin = siteOrigin(newSite);
    if (!origin) {
      setProblems([`"${newSite}" is not a web address (use https://ehr.example.org).`]);
      return;
    }
    setSites({ ...sites, [origin]: sites[origin] ?? { enabled: false } });
    setNewSite('');
    setProblems([]);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = [
      ...(patternError ? [`Button labels: ${patternError}`] : []),
      ...(guard.blockOn.length === 0 && guard.enabled ? ['Choose at least one severity that blocks, or turn the check off.'] : []),
      ...Object.entries(sites).flatMap(([origin, site]) => {
        const error = site.actionButtons === undefined ? undefined : buttonPatternError(site.actionButtons);
        return error ? [`${origin}: ${error}`] : [];
      }),
    ];
    setProblems(found);
    if (found.length > 0) return;
    setStatus('Saving…');
    await update((s) => ({ ...s, guard, guardBySite: sites }));
    setStatus('Saved. Open EHR pages use the new check at once.');
  };

  return (
    <section aria-labelledby="guard-heading" class="options-section">
      <h2 id="guard-heading">Pre-submission check</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p class="switch-row">
          <input id="guard-enabled" type="checkbox" role="switch" checked={guard.enabled} onChange={(e) => setGuard({ ...guard, enabled: e.currentTarget.checked })} />{' '}
          <label for="guard-enabled">Ask before a chart with open findings is submitted or signed</label>
        </p>
        <fieldset>
          <legend>Findings that stop a submission</legend>
          {SEVERITIES.map((severity) => (
            <label key={severity} class="inline">
              <input
                type="checkbox"
                checked={guard.blockOn.includes(severity)}
                onChange={(e) => setGuard({ ...guard, blockOn: e.currentTarget.checked ? [...guard.blockOn, severity] : guard.blockOn.filter((s) => s !== severity) })}
              />{' '}
              {severity}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="guard-buttons">Buttons that count as submitting (regular expression over the button’s label, case-insensitive)</label>
          <input
            id="guard-buttons"
            class="wide"
            type="text"
            spellcheck={false}
            value={guard.actionButtons}
            aria-invalid={patternError ? 'true' : undefined}
            aria-describedby={patternError ? 'guard-buttons-error' : undefined}
            onInput={(e) => setGuard({ ...guard, actionButtons: e.currentTarget.value })}
          />
          {patternError && <span id="guard-buttons-error" class="problem">{patternError}</span>}
        </div>
        <h3>Per site</h3>
        {Object.keys(sites).length === 0 && <p class="muted">Every site uses the settings above.</p>}
        <ul class="chart-items" data-testid="guard-sites">
          {Object.entries(sites).map(([origin, site]) => (
            <GuardSiteRow key={origin} origin={origin} site={site} onChange={(next) => setSites({ ...sites, [origin]: next })} onRemove={() => {
              const { [origin]: _removed, ...rest } = sites;
              setSites(rest);
            }} />
          ))}
        </ul>
        <p>
          <label for="guard-new-site">Site</label>{' '}
          <input id="guard-new-site" type="text" placeholder="https://ehr.example.org" value={newSite} onInput={(e) => setNewSite(e.currentTarget.value)} />{' '}
          <button type="button" onClick={addSite}>Add a site exception</button>
        </p>
        {problems.length > 0 && (
          <ul class="problem" role="alert">
            {problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        )}
        <button type="submit">Save pre-submission check</button>
      </form>
      {status && <p role="status" data-testid="guard-status">{status}</p>}
    </section>
  );
}
