import { useEffect, useRef, useState } from 'preact/hooks';
import { DISMISS_REASONS } from '../actions.ts';
import { InitialsField } from './InitialsField.tsx';

/** Asks why a finding is dismissed: a short list, or free text under "Other"; and, optionally, who. */
export function DismissForm({ onDismiss, onCancel }: { onDismiss: (reason: string, initials: string) => void; onCancel: () => void }) {
  const [choice, setChoice] = useState<string>(DISMISS_REASONS[0]);
  const [other, setOther] = useState('');
  const [initials, setInitials] = useState('');
  const reason = choice === 'other' ? other.trim() : choice;
  const form = useRef<HTMLFormElement>(null);
  // Keyboard users land in the form they just opened.
  useEffect(() => form.current?.querySelector('input')?.focus(), []);
  return (
    <form
      ref={form}
      class="dismiss-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason) onDismiss(reason, initials);
      }}
    >
      <fieldset>
        <legend>Why dismiss this finding?</legend>
        {[...DISMISS_REASONS, 'other'].map((value) => (
          <label key={value}>
            <input type="radio" name="reason" value={value} checked={choice === value} onChange={() => setChoice(value)} /> {value === 'other' ? 'Other' : value}
          </label>
        ))}
        {/* Not autofocused: arrowing through the reasons onto "Other" must not pull the focus out of the group. */}
        {choice === 'other' && <input type="text" class="dismiss-other" aria-label="Other reason" value={other} onInput={(event) => setOther(event.currentTarget.value)} />}
      </fieldset>
      <InitialsField value={initials} onInput={setInitials} />{' '}
      <button type="submit" disabled={!reason}>
        Dismiss
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
