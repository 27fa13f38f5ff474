import { useState } from 'preact/hooks';
import type { EngineSettings } from '../engine/settings.ts';
import { DEFAULT_USER_SETTINGS, type UserSettings } from '../storage/settings.ts';
import { defaultText, parseThresholds, THRESHOLD_FIELDS, thresholdText } from './thresholds.ts';
import type { UpdateSettings } from './use-settings.ts';

type FormText = Partial<Record<keyof EngineSettings, string>>;

/** The facility's thresholds (state law, bylaws); blank fields use the shipped default. */
export function Thresholds({ settings, update }: { settings: UserSettings; update: UpdateSettings }) {
  const [form, setForm] = useState<FormText>(() => Object.fromEntries(THRESHOLD_FIELDS.map(({ key }) => [key, thresholdText(settings.engine, key)])));
  const [errors, setErrors] = useState<FormText>({});
  // Not an engine threshold (no rule reads it): the worklist and dashboard do.
  const [delinquency, setDelinquency] = useState(String(settings.delinquencyDays));
  const [delinquencyError, setDelinquencyError] = useState('');
  const [status, setStatus] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = parseThresholds(form);
    setErrors(parsed.errors);
    const delinquencyDays = Number(delinquency.trim() || DEFAULT_USER_SETTINGS.delinquencyDays);
    const delinquencyWrong = !Number.isInteger(delinquencyDays) || delinquencyDays <= 0;
    setDelinquencyError(delinquencyWrong ? 'Enter a whole number of days, at least 1.' : '');
    if (Object.keys(parsed.errors).length > 0 || delinquencyWrong) {
      setStatus('Not saved: correct the fields marked below.');
      return;
    }
    setStatus('Saving…');
    await update((s) => ({ ...s, engine: parsed.values, delinquencyDays }));
    setStatus('Saved. Open charts were checked again with these thresholds.');
  };

  return (
    <section aria-labelledby="thresholds-heading" class="options-section">
      <h2 id="thresholds-heading">Thresholds</h2>
      <p class="muted">Set these to your state’s rules and your medical-staff bylaws. Leave a field blank for the default shown.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div class="fields">
          {THRESHOLD_FIELDS.map(({ key, label, unit }) => {
            const id = `threshold-${key}`;
            const error = errors[key];
            return (
              <div class="field" key={key}>
                <label for={id}>{label}{unit === 'roles' ? '' : ` (${unit})`}</label>
                <input
                  id={id}
                  name={key}
                  type="text"
                  inputMode={unit === 'roles' ? 'text' : 'decimal'}
                  class={unit === 'roles' ? 'wide' : 'narrow'}
                  placeholder={defaultText(key)}
                  value={form[key] ?? ''}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                  onInput={(event) => {
                    setForm({ ...form, [key]: event.currentTarget.value });
                    setStatus(''); // "Saved" no longer describes the form.
                  }}
                />
                <span id={`${id}-hint`} class="muted hint">Default: {defaultText(key)}{unit === 'roles' ? '' : ` ${unit}`}</span>
                {error && <span id={`${id}-error`} class="problem">{error}</span>}
              </div>
            );
          })}
          <div class="field">
            <label for="threshold-delinquencyDays">Chart delinquent when still incomplete this long after discharge (days)</label>
            <input
              id="threshold-delinquencyDays"
              name="delinquencyDays"
              type="text"
              inputMode="numeric"
              class="narrow"
              value={delinquency}
              aria-invalid={delinquencyError ? 'true' : undefined}
              aria-describedby={`threshold-delinquencyDays-hint${delinquencyError ? ' threshold-delinquencyDays-error' : ''}`}
              onInput={(event) => {
                setDelinquency(event.currentTarget.value);
                setStatus('');
              }}
            />
            <span id="threshold-delinquencyDays-hint" class="muted hint">Default: {DEFAULT_USER_SETTINGS.delinquencyDays} days (the worklist and dashboard)</span>
            {delinquencyError && <span id="threshold-delinquencyDays-error" class="problem">{delinquencyError}</span>}
          </div>
        </div>
        <button type="submit">Save thresholds</button>
      </form>
      {status && <p role="status" data-testid="thresholds-status">{status}</p>}
    </section>
  );
}
