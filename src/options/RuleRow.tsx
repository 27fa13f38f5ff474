import type { Severity } from '../engine/finding.ts';
import type { RuleSpec } from '../engine/rule.ts';

/** How the user wants a rule reported: as shipped, another severity, or not at all. */
export type SeverityChoice = Severity | 'off' | 'default';

const CHOICES: { value: SeverityChoice; label: string }[] = [
  { value: 'default', label: 'As shipped' },
  { value: 'error', label: 'Error (blocks submit)' },
  { value: 'warning', label: 'Warning' },
  { value: 'info', label: 'Info' },
  { value: 'off', label: 'Off' },
];

/** One rule of a pack: title, id, shipped severity, citation, and the user's choice. */
export function RuleRow({ pack, rule, choice, disabled, onRule }: { pack: string; rule: RuleSpec; choice: SeverityChoice; disabled: boolean; onRule: (key: string, choice: SeverityChoice) => Promise<void> }) {
  const key = `${pack}/${rule.id}`;
  const selectId = `rule-${pack}-${rule.id}`;
  return (
    <tr data-rule={rule.id}>
      <th scope="row">
        <label for={selectId}>{rule.title}</label>
        <br />
        <code class="muted">{rule.id}</code>
      </th>
      <td class={`sev-${rule.severity}`}>{rule.severity}</td>
      <td class="citation">{rule.citation}</td>
      <td>
        <select id={selectId} value={choice} disabled={disabled} onChange={(event) => void onRule(key, event.currentTarget.value as SeverityChoice)}>
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
      </td>
    </tr>
  );
}
