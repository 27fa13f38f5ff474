import { useState } from 'preact/hooks';
import { BUNDLED_PACK_FILES } from '../background/bundled-packs.ts';
import type { UserSettings } from '../storage/settings.ts';
import { checkCustomPack, customPackNames, mergeCustomFiles, packNameError, withoutPack, type CustomPackCheck } from './custom-pack.ts';
import type { UpdateSettings } from './use-settings.ts';

/**
 * A facility's own rules: pick the pack's rule files (<rule-id>.json, and pack.json if it has
 * one), name the pack, check them, read every problem, then save the valid files. Nothing is
 * stored until the user confirms.
 */
export function CustomPackImport({ settings, update }: { settings: UserSettings; update: UpdateSettings }) {
  const [pack, setPack] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [check, setCheck] = useState<CustomPackCheck>();
  const [status, setStatus] = useState('');
  const nameError = pack === '' ? undefined : packNameError(pack);

  const run = async (event: Event) => {
    event.preventDefault();
    const problem = packNameError(pack) ?? (files.length === 0 ? 'Choose one or more .json files.' : undefined);
    if (problem) {
      setStatus(problem);
      setCheck(undefined);
      return;
    }
    const uploads = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
    const result = checkCustomPack(pack, uploads, BUNDLED_PACK_FILES, settings.customPackFiles);
    setCheck(result);
    setStatus(`${result.valid.length} of ${result.files.length} file(s) are valid${result.errors.length ? `; ${result.errors.length} problem(s) below` : ''}.`);
  };

  const save = async () => {
    if (!check) return;
    const saved = check.valid;
    await update((s) => ({ ...s, customPackFiles: mergeCustomFiles(s.customPackFiles, saved) }));
    setStatus(`Saved ${saved.length} rule file(s) to the ${pack} pack. Open charts were checked again.`);
    setCheck(undefined);
  };

  const remove = async (name: string) => {
    await update((s) => ({ ...s, customPackFiles: withoutPack(s.customPackFiles, name) }));
    setStatus(`Removed the ${name} pack.`);
  };

  const imported = customPackNames(settings.customPackFiles);
  return (
    <section aria-labelledby="custom-heading" class="options-section">
      <h2 id="custom-heading">Import a custom rule pack</h2>
      <p class="muted">One rule per file, named after the rule’s id (see rules/schema.json). A file with the same name as a shipped rule of the same pack replaces it.</p>
      <form onSubmit={(event) => void run(event)} noValidate>
        <div class="field">
          <label for="custom-pack-name">Pack name</label>
          <input id="custom-pack-name" type="text" placeholder="facility-bylaws" value={pack} aria-invalid={nameError ? 'true' : undefined} onInput={(e) => setPack(e.currentTarget.value.trim())} />
          {nameError && <span class="problem">{nameError}</span>}
        </div>
        <div class="field">
          <label for="custom-pack-files">Rule files (.json)</label>
          <input id="custom-pack-files" type="file" accept=".json,application/json" multiple onChange={(e) => {
            setFiles([...(e.currentTarget.files ?? [])]);
            setCheck(undefined);
          }} />
        </div>
        <button type="submit">Check files</button>
      </form>
      {status && <p role="status" data-testid="custom-status">{status}</p>}
      {check && check.errors.length > 0 && (
        <ul class="pack-problems" data-testid="custom-errors" aria-label="Problems in the chosen files">
          {check.errors.map((error, i) => (
            <li key={i}>
              <strong>{error.file}</strong>{error.rule && <> · rule <code>{error.rule}</code></>}: {error.message}
            </li>
          ))}
        </ul>
      )}
      {check && check.valid.length > 0 && (
        <p>
          <button type="button" onClick={() => void save()}>
            Save {check.valid.length} valid file(s){check.errors.length ? ', leave out the others' : ''}
          </button>{' '}
          <button type="button" onClick={() => setCheck(undefined)}>Cancel</button>
        </p>
      )}
      <h3>Imported packs</h3>
      {imported.length === 0 && <p class="muted">None.</p>}
      <ul class="chart-items" data-testid="custom-packs">
        {imported.map(({ name, files: names }) => (
          <li key={name} data-custom-pack={name}>
            <strong>{name}</strong> <span class="muted">{names.join(', ')}</span>{' '}
            <button type="button" onClick={() => void remove(name)} aria-label={`Remove the ${name} pack`}>Remove</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
