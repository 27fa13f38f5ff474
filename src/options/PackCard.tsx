import type { RulePack } from '../engine/rule.ts';
import type { UserSettings } from '../storage/settings.ts';
import { RuleRow, type SeverityChoice } from './RuleRow.tsx';

/** One pack: its on/off switch, what it checks, and its rules with a severity choice each. */
export function PackCard({ pack, settings, onToggle, onRule }: {
  pack: RulePack;
  settings: UserSettings;
  onToggle: (pack: string, on: boolean) => Promise<void>;
  onRule: (key: string, choice: SeverityChoice) => Promise<void>;
}) {
  const on = !settings.disabledPacks.includes(pack.name);
  const switchId = `pack-${pack.name}`;
  return (
    <div class="pack" data-pack={pack.name}>
      <p class="switch-row">
        <input id={switchId} type="checkbox" role="switch" checked={on} onChange={(event) => void onToggle(pack.name, event.currentTarget.checked)} />{' '}
        <label for={switchId}>Run the {pack.name} pack</label> <span class="muted">({pack.rules.length} rules{on ? '' : ', off'})</span>
      </p>
      {pack.description && <p class="muted">{pack.description}</p>}
      <details>
        <summary>Rules of {pack.name}: severity per rule</summary>
        <table class="rules">
          <thead>
            <tr><th scope="col">Rule</th><th scope="col">Shipped severity</th><th scope="col">Citation</th><th scope="col">Report as</th></tr>
          </thead>
          <tbody>
            {pack.rules.map((rule) => (
              <RuleRow key={rule.id} pack={pack.name} rule={rule} choice={settings.ruleOverrides[`${pack.name}/${rule.id}`] ?? 'default'} disabled={!on} onRule={onRule} />
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
