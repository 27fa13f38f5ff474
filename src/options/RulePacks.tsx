import { useMemo, useState } from 'preact/hooks';
import { BUNDLED_PACK_FILES } from '../background/bundled-packs.ts';
import { withCustomPacks } from '../background/rule-engine.ts';
import { loadPacks } from '../engine/packs.ts';
import type { UserSettings } from '../storage/settings.ts';
import { PackCard } from './PackCard.tsx';
import type { SeverityChoice } from './RuleRow.tsx';
import type { UpdateSettings } from './use-settings.ts';

/** Every pack (shipped and the facility's own), switchable, with a severity choice per rule. */
export function RulePacks({ settings, update }: { settings: UserSettings; update: UpdateSettings }) {
  const [status, setStatus] = useState('');
  const { packs, errors } = useMemo(() => loadPacks(withCustomPacks(BUNDLED_PACK_FILES, settings.customPackFiles)), [settings.customPackFiles]);

  const save = async (what: string, change: (s: UserSettings) => UserSettings) => {
    setStatus('Saving…');
    try {
      await update(change);
      setStatus(`Saved: ${what}. Open charts were checked again.`);
    } catch (error) {
      setStatus(`Could not save: ${(error as Error).message}`);
    }
  };

  const togglePack = (pack: string, on: boolean) =>
    save(`${pack} ${on ? 'on' : 'off'}`, (s) => ({
      ...s,
      disabledPacks: on ? s.disabledPacks.filter((p) => p !== pack) : [...new Set([...s.disabledPacks, pack])],
    }));

  const setRule = (key: string, choice: SeverityChoice) =>
    save(`${key} ${choice === 'default' ? 'as shipped' : choice}`, (s) => {
      const ruleOverrides = { ...s.ruleOverrides };
      if (choice === 'default') delete ruleOverrides[key];
      else ruleOverrides[key] = choice;
      return { ...s, ruleOverrides };
    });

  return (
    <section aria-labelledby="packs-heading" class="options-section">
      <h2 id="packs-heading">Rule packs</h2>
      <p class="muted">Switch whole packs off, or change how a single rule is reported. Errors block submission when the pre-submission check is on.</p>
      {status && <p role="status" data-testid="packs-status">{status}</p>}
      {errors.length > 0 && (
        <ul class="pack-problems" aria-label="Rule files that do not load (the other rules run)">
          {errors.map((error, i) => (
            <li key={i}>
              <strong>{error.file}</strong>{error.rule && <> · rule <code>{error.rule}</code></>}: {error.message}
            </li>
          ))}
        </ul>
      )}
      {packs.map((pack) => (
        <PackCard key={pack.name} pack={pack} settings={settings} onToggle={togglePack} onRule={setRule} />
      ))}
    </section>
  );
}
