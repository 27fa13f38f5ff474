import type { Severity } from '../engine/finding.ts';
import type { GuardSettings } from '../storage/settings.ts';
import { SEVERITIES } from './guard-form.ts';

type Mode = 'default' | 'on' | 'off';

/** Per-site choices of what blocks, from the strictest to the most lenient. */
const BLOCK_CHOICES: { value: string; label: string; blockOn?: Severity[] }[] = [
  { value: 'default', label: 'as above' },
  { value: 'error', label: 'errors', blockOn: ['error'] },
  { value: 'error,warning', label: 'errors and warnings', blockOn: ['error', 'warning'] },
  { value: 'error,warning,info', label: 'all findings', blockOn: ['error', 'warning', 'info'] },
];

/** One site's exception to the pre-submission check: on/off, what stops, which buttons. */
export function GuardSiteRow({ origin, site, onChange, onRemove }: { origin: string; site: Partial<GuardSettings>; onChange: (next: Partial<GuardSettings>) => void; onRemove: () => void }) {
  const mode: Mode = site.enabled === undefined ? 'default' : site.enabled ? 'on' : 'off';
  const id = `guard-site-${origin.replace(/[^a-z0-9]/gi, '-')}`;
  const setMode = (next: Mode) => {
    const { enabled: _e, ...rest } = site;
    onChange(next === 'default' ? rest : { ...rest, enabled: next === 'on' });
  };
  return (
    <li>
      <code>{origin}</code>{' '}
      <label for={`${id}-mode`}>check</label>{' '}
      <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.currentTarget.value as Mode)}>
        <option value="default">as above</option>
        <option value="on">on</option>
        <option value="off">off</option>
      </select>{' '}
      <label for={`${id}-block`}>stop on</label>{' '}
      <select id={`${id}-block`} value={site.blockOn ? SEVERITIES.filter((s) => site.blockOn?.includes(s)).join(',') : 'default'} onChange={(e) => {
        const choice = BLOCK_CHOICES.find((c) => c.value === e.currentTarget.value);
        const { blockOn: _b, ...rest } = site;
        onChange(choice?.blockOn ? { ...rest, blockOn: choice.blockOn } : rest);
      }}>
        {BLOCK_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>{' '}
      <label for={`${id}-buttons`}>buttons</label>{' '}
      <input
        id={`${id}-buttons`}
        type="text"
        placeholder="as above"
        value={site.actionButtons ?? ''}
        onInput={(e) => {
          const value = e.currentTarget.value;
          const { actionButtons: _a, ...rest } = site;
          onChange(value === '' ? rest : { ...rest, actionButtons: value });
        }}
      />{' '}
      <button type="button" onClick={onRemove} aria-label={`Remove the exception for ${origin}`}>Remove</button>
    </li>
  );
}
